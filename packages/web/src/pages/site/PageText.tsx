import { parsePageText, type Block, type Inline } from '@undercurrent/clinical';
import { Fragment } from 'react';
import { Link } from 'react-router';

/**
 * A public page's text, rendered from the parsed tree (@undercurrent/clinical page-text) with
 * ordinary React elements. Nothing is ever set as HTML: any markup in the text shows as the characters
 * it is made of. Links are only those the parser let through (web, e-mail, phone, a path on this site);
 * a path on this site is followed inside the app. Headings start at `headingLevel` so the page keeps
 * one h1.
 */
function InlineNodes({ nodes }: { nodes: Inline[] }) {
  return (
    <>
      {nodes.map((node, index) => {
        if (node.type === 'text') return <Fragment key={index}>{node.text}</Fragment>;
        if (node.type === 'strong') {
          return (
            <strong key={index}>
              <InlineNodes nodes={node.children} />
            </strong>
          );
        }
        if (node.href.startsWith('/')) {
          return (
            <Link key={index} to={node.href}>
              <InlineNodes nodes={node.children} />
            </Link>
          );
        }
        return (
          <a key={index} href={node.href} rel="noopener noreferrer">
            <InlineNodes nodes={node.children} />
          </a>
        );
      })}
    </>
  );
}

function BlockNode({ block }: { block: Block }) {
  switch (block.type) {
    case 'heading':
      return block.level === 2 ? (
        <h2>
          <InlineNodes nodes={block.children} />
        </h2>
      ) : (
        <h3>
          <InlineNodes nodes={block.children} />
        </h3>
      );
    case 'list': {
      const items = block.items.map((item, index) => (
        <li key={index}>
          <InlineNodes nodes={item} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    default:
      return (
        <p>
          <InlineNodes nodes={block.children} />
        </p>
      );
  }
}

export function PageText({ text }: { text: string }) {
  const blocks = parsePageText(text);
  return (
    <div className="page-text">
      {blocks.map((block, index) => (
        <BlockNode key={index} block={block} />
      ))}
    </div>
  );
}
