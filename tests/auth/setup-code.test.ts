// The one-time setup code (issue 13, item 7): random base32 in three groups, compared without
// regard to case, spaces or dashes, unusable once forgotten; wrong codes lock an address after 5
// (and everyone after 30) for 15 minutes; the printed sentence names the page to open.
import { describe, expect, it } from 'vitest';
import {
	forgetSetupCode,
	matchesSetupCode,
	newSetupCode,
	recordSetupFailure,
	setupAnnouncement,
	setupCode,
	setupLockedFor,
	setupUrl
} from '../../src/lib/server/auth/setup-code';

describe('the setup code', () => {
	it('is three groups of four base32 characters, different every time', () => {
		const codes = new Set(Array.from({ length: 200 }, () => newSetupCode()));
		expect(codes.size).toBe(200);
		for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
	});

	it('matches as typed by hand, nothing else, and nothing once forgotten', () => {
		const code = setupCode();
		expect(setupCode()).toBe(code); // one per process
		expect(matchesSetupCode(code)).toBe(true);
		expect(matchesSetupCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(true);
		expect(matchesSetupCode('')).toBe(false);
		expect(matchesSetupCode(code.slice(0, -1))).toBe(false);
		expect(matchesSetupCode(`${code}A`)).toBe(false);
		forgetSetupCode();
		expect(matchesSetupCode(code)).toBe(false);
		expect(setupCode()).not.toBe(code);
	});
});

describe('wrong codes', () => {
	it('lock an address after 5 within 15 minutes, and every address after 30', () => {
		const t0 = Date.UTC(2026, 11, 3, 10);
		for (let i = 0; i < 4; i++) recordSetupFailure('10.0.0.1', t0 + i);
		expect(setupLockedFor('10.0.0.1', t0 + 10)).toBe(0);
		recordSetupFailure('10.0.0.1', t0 + 10);
		expect(setupLockedFor('10.0.0.1', t0 + 11)).toBeGreaterThan(14 * 60_000);
		expect(setupLockedFor('10.0.0.2', t0 + 11)).toBe(0);
		for (let i = 0; i < 24; i++) recordSetupFailure(`10.0.1.${i}`, t0 + 20 + i);
		expect(setupLockedFor('10.0.0.3', t0 + 100)).toBe(0);
		recordSetupFailure('10.0.1.99', t0 + 100);
		expect(setupLockedFor('10.0.0.3', t0 + 101)).toBeGreaterThan(14 * 60_000); // 30 from everywhere
		expect(setupLockedFor('10.0.0.1', t0 + 15 * 60_000 + 200)).toBe(0); // the window passed
	});
});

describe('the sentence printed at start', () => {
	it('names the page on this machine when listening everywhere, or the given host or ORIGIN', () => {
		expect(setupUrl({})).toBe('http://localhost:3000/setup');
		expect(setupUrl({ HOST: '0.0.0.0', PORT: '8080' })).toBe('http://localhost:8080/setup');
		expect(setupUrl({ HOST: '192.168.1.20', PORT: '3000' })).toBe('http://192.168.1.20:3000/setup');
		expect(setupUrl({ HOST: '::1' })).toBe('http://[::1]:3000/setup');
		expect(setupUrl({ ORIGIN: 'https://cartera.example.com/' })).toBe('https://cartera.example.com/setup');
		expect(setupAnnouncement('K7QD-2MZA-XW4P', 'http://localhost:3000/setup')).toBe(
			'Para crear la cuenta de administrador abra http://localhost:3000/setup e ingrese el código: K7QD-2MZA-XW4P\n' +
				'To create the admin account open http://localhost:3000/setup and enter the code: K7QD-2MZA-XW4P'
		);
	});
});
