import { useId, type ReactNode } from 'react';

/**
 * The pieces every patterns chart shares: a plain SVG with role="img", named by its <title> and
 * described by its <desc> (the numbers themselves are in the table beside it). The scales are in
 * chart-scales.ts. Colours are the theme's variables (patterns.css), so light and dark both hold.
 */
export function ChartSvg(props: {
  width: number;
  height: number;
  title: string;
  description: string;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <svg
      viewBox={`0 0 ${props.width} ${props.height}`}
      className={props.className ? `pattern-chart ${props.className}` : 'pattern-chart'}
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
    >
      <title id={`${id}-title`}>{props.title}</title>
      <desc id={`${id}-desc`}>{props.description}</desc>
      {props.children}
    </svg>
  );
}
