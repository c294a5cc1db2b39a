import { Type } from '@sinclair/typebox';

/**
 * The JSON shapes of WebAuthn ceremonies as @simplewebauthn/browser sends and expects them. Request
 * shapes are bounded in size; option shapes keep any extra field the library adds.
 */
const B64 = (max = 16_384) => Type.String({ minLength: 1, maxLength: max, pattern: '^[A-Za-z0-9_-]+={0,2}$' });
const Open = Type.Object({}, { additionalProperties: true });

const Descriptor = Type.Object(
  {
    id: Type.String(),
    type: Type.Literal('public-key'),
    transports: Type.Optional(Type.Array(Type.String())),
  },
  { additionalProperties: true },
);

export const CreationOptionsJSON = Type.Object(
  {
    rp: Type.Object({ name: Type.String(), id: Type.Optional(Type.String()) }),
    user: Type.Object({ id: Type.String(), name: Type.String(), displayName: Type.String() }),
    challenge: Type.String(),
    pubKeyCredParams: Type.Array(Type.Object({ alg: Type.Number(), type: Type.Literal('public-key') })),
    timeout: Type.Optional(Type.Number()),
    excludeCredentials: Type.Optional(Type.Array(Descriptor)),
    authenticatorSelection: Type.Optional(Open),
    hints: Type.Optional(Type.Array(Type.String())),
    attestation: Type.Optional(Type.String()),
    attestationFormats: Type.Optional(Type.Array(Type.String())),
    extensions: Type.Optional(Open),
  },
  { additionalProperties: true, description: 'PublicKeyCredentialCreationOptionsJSON' },
);

export const RequestOptionsJSON = Type.Object(
  {
    challenge: Type.String(),
    timeout: Type.Optional(Type.Number()),
    rpId: Type.Optional(Type.String()),
    allowCredentials: Type.Optional(Type.Array(Descriptor)),
    userVerification: Type.Optional(Type.String()),
    hints: Type.Optional(Type.Array(Type.String())),
    extensions: Type.Optional(Open),
  },
  { additionalProperties: true, description: 'PublicKeyCredentialRequestOptionsJSON' },
);

const Attachment = Type.Optional(Type.Union([Type.Literal('platform'), Type.Literal('cross-platform')]));
const Extensions = Type.Optional(Type.Object({}, { additionalProperties: true, maxProperties: 20 }));

export const RegistrationResponseJSON = Type.Object(
  {
    id: B64(1024),
    rawId: B64(1024),
    type: Type.Literal('public-key'),
    response: Type.Object({
      clientDataJSON: B64(),
      attestationObject: B64(65_536),
      authenticatorData: Type.Optional(B64(65_536)),
      transports: Type.Optional(Type.Array(Type.String({ maxLength: 32 }), { maxItems: 10 })),
      publicKeyAlgorithm: Type.Optional(Type.Integer()),
      publicKey: Type.Optional(B64()),
    }),
    authenticatorAttachment: Attachment,
    clientExtensionResults: Extensions,
  },
  { description: 'RegistrationResponseJSON from navigator.credentials.create()' },
);

export const AuthenticationResponseJSON = Type.Object(
  {
    id: B64(1024),
    rawId: B64(1024),
    type: Type.Literal('public-key'),
    response: Type.Object({
      clientDataJSON: B64(),
      authenticatorData: B64(),
      signature: B64(),
      userHandle: Type.Optional(Type.String({ maxLength: 1024 })),
    }),
    authenticatorAttachment: Attachment,
    clientExtensionResults: Extensions,
  },
  { description: 'AuthenticationResponseJSON from navigator.credentials.get()' },
);
