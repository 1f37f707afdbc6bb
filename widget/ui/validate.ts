import type { Strings } from "./strings.js";
import type { FieldName, FormValues } from "./types.js";

/** Same rules as the server (ticketCreateSchema), checked before sending so the customer gets instant feedback. */
export function validate(values: FormValues, t: Strings): Partial<Record<FieldName, string>> {
  const errors: Partial<Record<FieldName, string>> = {};
  if (!values.email.trim()) errors.email = t.required;
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) errors.email = t.invalidEmail;
  if (!values.subject.trim()) errors.subject = t.required;
  if (!values.description.trim()) errors.description = t.required;
  return errors;
}
