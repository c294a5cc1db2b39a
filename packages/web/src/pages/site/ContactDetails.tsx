import type { Contact } from './site-types';
import { siteStrings } from './site-strings';

/** The practice's public contact details: where every page's "get in touch" leads. */
export function ContactDetails({ contact, headingId }: { contact: Contact; headingId: string }) {
  const any = contact.email || contact.phone || contact.address;
  return (
    <section className="site-contact" aria-labelledby={headingId}>
      <h2 id={headingId}>{siteStrings.contactHeading}</h2>
      {any ? (
        <dl className="site-contact-list">
          {contact.email ? (
            <div>
              <dt>{siteStrings.contactEmail}</dt>
              <dd>
                <a href={`mailto:${contact.email}`}>{contact.email}</a>
              </dd>
            </div>
          ) : null}
          {contact.phone ? (
            <div>
              <dt>{siteStrings.contactPhone}</dt>
              <dd>
                <a href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`}>{contact.phone}</a>
              </dd>
            </div>
          ) : null}
          {contact.address ? (
            <div>
              <dt>{siteStrings.contactAddress}</dt>
              <dd className="site-address">{contact.address}</dd>
            </div>
          ) : null}
        </dl>
      ) : (
        <p>{siteStrings.noContact}</p>
      )}
    </section>
  );
}
