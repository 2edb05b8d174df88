import { AppcmdError } from '../errors.js';

/**
 * IIS stores attributes whose schema says encrypted="true" as `[enc:Provider:base64:enc]`. The
 * provider's key is sealed with the server's machine key, so an offline tool can neither read nor
 * produce the ciphertext: it keeps such values byte for byte, hides them in output, and refuses
 * to write a password in clear unless asked to.
 */
const STORED_FORM = /^\[enc:([^:\]]*):([\s\S]*):enc\]$/;
/** What a real provider writes: a provider name and base64 (possibly empty, as in schema defaults). */
const WELL_FORMED = /^\[enc:[A-Za-z][A-Za-z0-9_.-]*:[A-Za-z0-9+/]*={0,2}:enc\]$/;

export const MASK = '********';

/** Whether the text has the stored form of an encrypted value (any provider, any payload). */
function isEncryptedForm(text: string): boolean {
  return STORED_FORM.test(text);
}

/**
 * The text to show for a value: an `[enc:…:enc]` payload is replaced by a mask (the provider
 * name stays, it tells the reader how the value is protected); a plain value of an attribute the
 * schema declares encrypted is masked whole, as it is a password in clear.
 */
export function maskSecret(text: string, declaredEncrypted: boolean): string {
  const m = STORED_FORM.exec(text);
  if (m !== null) return m[2] === '' ? text : `[enc:${m[1] ?? ''}:${MASK}:enc]`;
  return declaredEncrypted && text !== '' ? MASK : text;
}

/**
 * The rule for writing an encrypted attribute. Accepted as is: the empty string (no secret) and
 * a well-formed `[enc:…:enc]` value (copied from a server that shares the keys). A plain value is
 * refused, or, when the caller opted in, accepted with a warning. A masked value from our own
 * output (`[enc:P:********:enc]`) is never well-formed, so it cannot be written back by mistake.
 */
export function checkEncryptedInput(attribute: string, text: string, defaultText: string | undefined, allowPlaintext: boolean): string[] {
  if (text === '' || WELL_FORMED.test(text)) return [];
  const provider = STORED_FORM.exec(defaultText ?? '')?.[1] || 'its encryption provider';
  if (isEncryptedForm(text)) {
    throw new AppcmdError('VALUE_INVALID', `The value of "${attribute}" looks like an encrypted value but is not one IIS could decrypt (expected [enc:Provider:base64:enc]).`, {
      hints: ['A masked value copied from list output cannot be written back; give the real [enc:…:enc] value or the password itself.'],
    });
  }
  const why = `IIS would store "${attribute}" encrypted with ${provider}; this tool cannot encrypt it offline (the key is sealed with the server's machine key).`;
  if (!allowPlaintext) {
    throw new AppcmdError('UNSUPPORTED', `Refusing to write a plain-text password: ${why}`, {
      hints: [
        'Set it on the server (appcmd.exe or IIS Manager) so IIS encrypts it, or give an [enc:…:enc] value copied from a server that shares the keys.',
        `To store it unencrypted anyway, add --allow-plaintext-secrets: IIS reads a plain value as it is, but anyone who can read the file can then read the password (the IIS reference's samples that set it end up encrypted only because IIS's own tools write them).`,
      ],
    });
  }
  return [`Warning: "${attribute}" is written in plain text, readable by anyone who can read the file. ${why}`];
}
