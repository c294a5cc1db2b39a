import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  Checkbox,
  CheckboxGroup,
  Dialog,
  DialogTrigger,
  FieldError,
  Form,
  Heading,
  Label,
  Modal,
  ModalOverlay,
} from 'react-aria-components';
import { useNavigate } from 'react-router';
import { api, seg } from '../../api/client';
import { resetSession } from '../../api/queries';
import { ROLES, type Person, type Role } from '../../api/types';
import { FormStatus } from '../../components/FormStatus';
import { strings } from '../../strings';
import { ActionButton } from '../../components/ActionButton';

function CheckMark() {
  return (
    <span className="checkbox-box" aria-hidden="true">
      <svg viewBox="0 0 18 18">
        <polyline points="3.5 9.5 7.5 13 14.5 5" />
      </svg>
    </span>
  );
}

/** Changing someone’s roles, with the warning that it signs them out everywhere. */
export function EditRolesDialog({
  person,
  isYou,
  onSaved,
}: {
  person: Person;
  isYou: boolean;
  onSaved: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [roles, setRoles] = useState<string[]>(person.roles);
  const save = useMutation({
    mutationFn: () =>
      api<Person>(`/api/people/${seg(person.id)}`, { method: 'PATCH', body: { roles: roles as Role[] } }),
  });
  return (
    <DialogTrigger
      onOpenChange={(open) => {
        if (open) {
          setRoles(person.roles);
          save.reset();
        }
      }}
    >
      <Button className="button button-secondary" aria-label={`${strings.people.editRoles}: ${person.displayName}`}>
        {strings.people.editRoles}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable={!save.isPending}>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <Form
                onSubmit={(event) => {
                  event.preventDefault();
                  save.mutate(undefined, {
                    onSuccess: async () => {
                      close();
                      if (isYou) {
                        // Changing your own roles ends all your sessions, this one included.
                        await resetSession(queryClient).catch(() => null);
                        await navigate('/sign-in', { state: { rolesChanged: true } });
                        return;
                      }
                      onSaved(strings.people.rolesSaved(person.displayName));
                      void queryClient.invalidateQueries({ queryKey: ['people'] });
                    },
                  });
                }}
              >
                <Heading slot="title" className="dialog-title">
                  {strings.people.editRolesTitle(person.displayName)}
                </Heading>
                <CheckboxGroup
                  className="checkbox-group"
                  value={roles}
                  onChange={setRoles}
                  validate={(value) => (value.length ? null : strings.people.rolesNeedOne)}
                >
                  <Label className="field-label">{strings.people.rolesLegend}</Label>
                  {ROLES.map((role) => (
                    <Checkbox key={role} value={role} className="checkbox">
                      <CheckMark />
                      {strings.roles[role]}
                    </Checkbox>
                  ))}
                  <FieldError className="field-error" />
                </CheckboxGroup>
                <p className="notice notice-warning">
                  {isYou ? strings.people.privilegeWarningSelf : strings.people.privilegeWarning(person.displayName)}
                </p>
                <FormStatus pending={save.isPending} pendingText={strings.common.saving} error={save.error} />
                <div className="button-row">
                  <ActionButton type="submit" className="button button-primary" isPending={save.isPending}>
                    {strings.people.saveRoles}
                  </ActionButton>
                  <Button className="button button-secondary" onPress={close} isDisabled={save.isPending}>
                    {strings.common.cancel}
                  </Button>
                </div>
              </Form>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
