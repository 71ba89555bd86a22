// What an account or token change refused (AccountError's code, src/lib/server/auth/users.ts),
// in the page's language; the server's English message stays for the CLI and logs.
import type { Lang } from './i18n/lang';

type Say = (subject: string) => string;

const es: Record<string, Say> = {
	name_format: () => 'El nombre debe tener de 2 a 60 letras, cifras o . _ @ -.',
	name_taken: (n) => `Ya existe un usuario llamado ${n}.`,
	no_user: (n) => `No existe el usuario ${n}.`,
	role: () => 'El rol debe ser lectura, analista o administración.',
	password_short: () => 'La contraseña debe tener al menos 10 caracteres.',
	password_long: () => 'La contraseña puede tener como máximo 200 caracteres.',
	password_blank: () => 'La contraseña no puede ser solo espacios.',
	password_common: () => 'Esa contraseña es de las más usadas: elige otra.',
	last_admin: (n) => `${n} es la única cuenta de administración activa: primero da ese rol a otra cuenta.`,
	own_account: () => 'No puedes desactivar tu propia cuenta.',
	token_label: () => 'El token necesita una descripción de 2 a 80 caracteres.'
};

const en: Record<string, Say> = {
	name_format: () => 'The name must be 2 to 60 letters, digits or . _ @ -.',
	name_taken: (n) => `There is already a user called ${n}.`,
	no_user: (n) => `There is no user called ${n}.`,
	role: () => 'The role must be viewer, analyst or admin.',
	password_short: () => 'The password must have at least 10 characters.',
	password_long: () => 'The password must have at most 200 characters.',
	password_blank: () => 'The password cannot be only spaces.',
	password_common: () => 'That password is one of the most common ones: choose another.',
	last_admin: (n) => `${n} is the only active admin: make another account admin first.`,
	own_account: () => 'You cannot disable your own account.',
	token_label: () => 'The token needs a label of 2 to 80 characters.'
};

/** The refusal in `lang`; the server's message when the code is unknown. */
export function accountMessage(lang: Lang, error: { code?: string; subject?: string | null; message?: string }): string {
	const say = (lang === 'es' ? es : en)[error.code ?? ''];
	return say ? say(error.subject ?? '') : (error.message ?? '');
}
