import { useMemo, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ApiError } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { QueryStatus } from '../../components/States';
import { TextInput } from '../../components/TextInput';
import { TextAreaField } from '../portal/TextAreaField';
import { crisisResourcesStrings as s } from './crisis-resources-strings';

interface LocalResource {
  name: string;
  phone: string | null;
  textNumber: string | null;
  textKeyword: string | null;
  url: string | null;
  hours: string;
  description: string;
}

/** A resource being edited: every field a string, and a key that stays with it when the list is reordered. */
interface Draft {
  key: number;
  name: string;
  phone: string;
  textNumber: string;
  textKeyword: string;
  url: string;
  hours: string;
  description: string;
}

const KEY = ['safeguarding', 'crisis-resources'] as const;
let nextKey = 1;

const toDraft = (r: LocalResource): Draft => ({
  key: nextKey++,
  name: r.name,
  phone: r.phone ?? '',
  textNumber: r.textNumber ?? '',
  textKeyword: r.textKeyword ?? '',
  url: r.url ?? '',
  hours: r.hours,
  description: r.description,
});
const blank = (): Draft =>
  toDraft({ name: '', phone: null, textNumber: null, textKeyword: null, url: null, hours: '', description: '' });
const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

function ResourcesForm({ loaded }: { loaded: LocalResource[] }) {
  const queryClient = useQueryClient();
  const [drafts, setDrafts] = useState<Draft[]>(() => loaded.map(toDraft));
  const save = useMutation({
    mutationFn: (resources: LocalResource[]) =>
      api<{ resources: LocalResource[] }>('/api/safeguarding/crisis-resources', { method: 'PUT', body: { resources } }),
    onSuccess: (saved) => {
      queryClient.setQueryData(KEY, saved);
      void queryClient.invalidateQueries({ queryKey: ['crisis-resources'] });
    },
  });
  // The server names each problem's field in full ("resources.2.phone"), as the inputs are named.
  const errors = useMemo(
    () =>
      save.error instanceof ApiError ? Object.fromEntries(save.error.fields.map((f) => [f.field, f.message])) : {},
    [save.error],
  );
  const change = (key: number, field: keyof Omit<Draft, 'key'>) => (value: string) =>
    setDrafts((list) => list.map((d) => (d.key === key ? { ...d, [field]: value } : d)));
  // The server's messages name fields by position: once the list's order changes they would sit beside
  // the wrong resource, so they are cleared (the next save checks again).
  const reshape = (change: (list: Draft[]) => Draft[]) => {
    save.reset();
    setDrafts(change);
  };
  const move = (index: number, by: -1 | 1) =>
    reshape((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + by, 0, item);
      return next;
    });

  return (
    <Form
      className="sg-plan-form"
      validationErrors={errors}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(
          drafts.map((d) => ({
            name: d.name.trim(),
            phone: orNull(d.phone),
            textNumber: orNull(d.textNumber),
            textKeyword: orNull(d.textKeyword),
            url: orNull(d.url),
            hours: d.hours.trim(),
            description: d.description.trim(),
          })),
        );
      }}
    >
      {drafts.length === 0 ? <p>{s.none}</p> : null}
      {drafts.map((d, index) => {
        const at = (field: string) => `resources.${index}.${field}`;
        const label = d.name.trim() || s.unnamed(index + 1);
        return (
          <fieldset key={d.key} className="sg-resource">
            <legend>{s.legend(index + 1, d.name)}</legend>
            <TextInput
              label={s.name}
              name={at('name')}
              value={d.name}
              onChange={change(d.key, 'name')}
              isRequired
              maxLength={120}
            />
            <TextInput
              label={s.phone}
              name={at('phone')}
              value={d.phone}
              onChange={change(d.key, 'phone')}
              type="tel"
              description={s.phoneHint}
              maxLength={30}
            />
            <TextInput
              label={s.textNumber}
              name={at('textNumber')}
              value={d.textNumber}
              onChange={change(d.key, 'textNumber')}
              type="tel"
              maxLength={30}
            />
            <TextInput
              label={s.textKeyword}
              name={at('textKeyword')}
              value={d.textKeyword}
              onChange={change(d.key, 'textKeyword')}
              description={s.textKeywordHint}
              maxLength={40}
            />
            <TextInput
              label={s.url}
              name={at('url')}
              value={d.url}
              onChange={change(d.key, 'url')}
              type="url"
              description={s.urlHint}
              maxLength={500}
            />
            <TextInput
              label={s.hours}
              name={at('hours')}
              value={d.hours}
              onChange={change(d.key, 'hours')}
              description={s.hoursHint}
              isRequired
              maxLength={120}
            />
            <TextAreaField
              label={s.description}
              name={at('description')}
              value={d.description}
              onChange={change(d.key, 'description')}
              maxLength={500}
            />
            <p className="sg-alert-actions">
              {index > 0 ? (
                <Button className="button button-quiet" onPress={() => move(index, -1)}>
                  {s.moveUp(label)}
                </Button>
              ) : null}
              {index < drafts.length - 1 ? (
                <Button className="button button-quiet" onPress={() => move(index, 1)}>
                  {s.moveDown(label)}
                </Button>
              ) : null}
              <Button
                className="button button-quiet"
                onPress={() => reshape((list) => list.filter((x) => x.key !== d.key))}
              >
                {s.remove(label)}
              </Button>
            </p>
          </fieldset>
        );
      })}
      <p className="sg-alert-actions">
        <Button className="button button-secondary" onPress={() => reshape((list) => [...list, blank()])}>
          {s.add}
        </Button>
        <ActionButton type="submit" className="button button-primary" isPending={save.isPending}>
          {s.save}
        </ActionButton>
      </p>
      <FormStatus pending={save.isPending} error={save.error} success={save.isSuccess ? s.saved : null} />
    </Form>
  );
}

/** The admin adds, edits, orders and removes the practice's own crisis resources (one save for the whole list). */
export function LocalResourcesEditor() {
  const resources = useQuery({
    queryKey: KEY,
    queryFn: () => api<{ resources: LocalResource[] }>('/api/safeguarding/crisis-resources'),
  });
  return (
    <section aria-labelledby="sg-local-resources">
      <h2 id="sg-local-resources">{s.heading}</h2>
      <p>{s.lead}</p>
      <QueryStatus query={resources} />
      {resources.data ? <ResourcesForm loaded={resources.data.resources} /> : null}
    </section>
  );
}
