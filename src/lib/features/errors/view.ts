// Which text an error page shows: by status, and for a 400 whether the period or something else
// in the address was refused (the parameter comes with the error, or heads its message "from: …").
export type ErrorKind = 'badPeriod' | 'badAddress' | 'forbidden' | 'notFound' | 'failed';

const PERIOD_PARAMS = new Set(['from', 'to', 'as_of', 'month', 'compare']);

export function errorKind(status: number, error: { message?: string; param?: string } | null): ErrorKind {
	if (status === 403) return 'forbidden';
	if (status === 404) return 'notFound';
	if (status >= 400 && status < 500) {
		const param = error?.param ?? /^(\w+):/.exec(error?.message ?? '')?.[1];
		return param && PERIOD_PARAMS.has(param) ? 'badPeriod' : 'badAddress';
	}
	return 'failed';
}

/** The title's key: the four statuses a user meets; any other 4xx reads as a bad address, 5xx as a failure. */
export function titleKey(status: number): '400' | '403' | '404' | '500' {
	if (status === 403 || status === 404) return String(status) as '403' | '404';
	return status >= 400 && status < 500 ? '400' : '500';
}
