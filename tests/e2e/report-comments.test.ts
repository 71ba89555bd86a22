// End to end: comments on Informe del mes. An analyst writes one under a section (refused with a
// clear message when empty), a viewer reads it, with who wrote it and the date in their language,
// and has no box (the server refuses their POST too); on paper the comment prints, the box does not.
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/lib/features/report/messages';
import { formatDate, formatNumber } from '../../src/lib/format';
import type { Lang } from '../../src/lib/i18n/lang';
import { createSession, SESSION_COOKIE } from '../../src/lib/server/auth/sessions';
import { createUser } from '../../src/lib/server/auth/users';
import { COMMENT_MAX } from '../../src/lib/server/reports/comments';
import { openPage, useDemoApp } from '../helpers/demo-app';

const MONTH = '2026-10';
const COMMENT = 'La caída de octubre se explica por el cierre de dos sucursales.';

const sessions = { analyst: '', viewer: '' };

const app = useDemoApp({
	prepare: async (db) => {
		const marta = await createUser(db, 'marta', 'clave de analista larga', 'analyst');
		const vera = await createUser(db, 'vera', 'clave de lectora larga', 'viewer');
		sessions.analyst = (await createSession(db, marta.user_id)).token;
		sessions.viewer = (await createSession(db, vera.user_id)).token;
	}
});

const open = (who: keyof typeof sessions, lang: Lang, width = 1280) =>
	openPage(app, `/informe/${MONTH}?lang=${lang}`, { lang, viewport: { width, height: 900 }, session: sessions[who] });

describe('Informe del mes: comments', () => {
	it('an analyst writes a comment under a section; an empty one is refused with a message', async () => {
		const { page, errors, close } = await open('analyst', 'es');
		try {
			const box = page.locator('[data-testid="comments-growth"]');
			await box.locator('button[type="submit"]').click();
			await expect.poll(() => box.locator('[data-testid="comment-error"]').textContent()).toBe(messages.es.commentEmpty);
			await box.locator('textarea').fill(COMMENT);
			await expect(box.textContent()).resolves.toContain(messages.es.commentCount(formatNumber(COMMENT.length, 'es'), formatNumber(COMMENT_MAX, 'es')));
			await box.locator('button[type="submit"]').click();
			await expect.poll(() => box.locator('.comments').textContent()).toContain(COMMENT);
			await expect(box.locator('textarea').inputValue()).resolves.toBe('');
			await expect(box.locator('[data-testid="comment-error"]').count()).resolves.toBe(0);
			await expect(box.locator('.comments').textContent()).resolves.toContain(`marta · ${formatDate(new Date().toISOString().slice(0, 10), 'es')}`);
			// Only under its own section.
			await expect(page.locator('[data-testid="comments-kpis"]').textContent()).resolves.not.toContain(COMMENT);
			expect(errors).toEqual([]);
		} finally {
			await close();
		}
	});

	for (const lang of ['es', 'en'] as const) {
		it(`a viewer reads it, with who and when in ${lang}, and has no box`, async () => {
			const { page, errors, close } = await open('viewer', lang);
			try {
				const box = page.locator('[data-testid="comments-growth"]');
				await expect(box.locator('h3').textContent()).resolves.toBe(messages[lang].comments);
				await expect(box.locator('.comments').textContent()).resolves.toContain(COMMENT);
				await expect(box.locator('.comments').textContent()).resolves.toContain(`marta · ${formatDate(new Date().toISOString().slice(0, 10), lang)}`);
				await expect(page.locator('[data-testid="report"] textarea, [data-testid="report"] form').count()).resolves.toBe(0);
				expect(errors).toEqual([]);
			} finally {
				await close();
			}
		});
	}

	it('refuses a viewer’s comment at the server', async () => {
		const form = new FormData();
		form.set('section', 'growth');
		form.set('body', 'No debería quedar.');
		const refused = await fetch(`${app.server.url}/informe/${MONTH}?/comment`, {
			method: 'POST',
			body: form,
			headers: { cookie: `${SESSION_COOKIE}=${sessions.viewer}`, origin: app.server.url }
		});
		expect(refused.status).toBe(403);
		const { page, close } = await open('viewer', 'es');
		try {
			await expect(page.locator('[data-testid="report"]').textContent()).resolves.not.toContain('No debería quedar.');
		} finally {
			await close();
		}
	});

	it('prints the comment without the box, at 390 px too', async () => {
		const { page, close } = await open('analyst', 'es', 390);
		try {
			await expect(page.locator('[data-testid="comments-growth"] textarea').isVisible()).resolves.toBe(true);
			await page.emulateMedia({ media: 'print' });
			await expect(page.locator('[data-testid="comments-growth"] .comments').isVisible()).resolves.toBe(true);
			await expect(page.locator('[data-testid="report"] textarea').first().isVisible()).resolves.toBe(false);
			await expect(page.locator('[data-testid="report"] form').first().isVisible()).resolves.toBe(false);
		} finally {
			await close();
		}
	});
});
