// Who a request comes from: an API token (`Authorization: Bearer crt_…`) or a session cookie.
import type { Database } from '../db/database';
import type { Role } from './roles';
import { sessionUser } from './sessions';
import { tokenUser } from './tokens';

export interface Caller {
	name: string;
	role: Role;
	via: 'session' | 'token';
}

export async function identify(db: Database, authorization: string | null, sessionToken: string | undefined): Promise<Caller | null> {
	const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
	if (bearer) {
		const token = await tokenUser(db, bearer);
		return token ? { ...token, via: 'token' } : null;
	}
	const user = await sessionUser(db, sessionToken);
	return user ? { name: user.name, role: user.role, via: 'session' } : null;
}
