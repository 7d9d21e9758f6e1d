// Accessibility as a keyboard and screen-reader user meets the page: the whole
// path (paste, analyse, open a step, follow a line link, copy a command,
// settings, share) by keyboard alone with a visible focus ring; results and
// copies announced in a live region; panels that take and give back focus;
// status labels and buttons readable in the light and the dark theme
// (WCAG AA 4.5:1), and statuses told in words, not colour alone.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, loadZone, pasteAndAnalyze, startEnv, type Env } from './harness';

const SEED = readFileSync(path.join(ROOT, 'test/fixtures/cases/mdaemon-554/input.log'), 'utf8');
let env: Env;

before(async () => {
  env = await startEnv({ zone: loadZone('mdaemon-554') });
});
after(() => env?.close());

/** Press Tab until `test` holds for the focused element (at most `max` presses). */
async function tabTo(page: Page, test: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((t) => new Function('el', `return ${t}`)(document.activeElement), test)) return;
  }
  assert.fail(`Tab never reached ${test}`);
}

/**
 * Elements whose text is under 4.5:1 against the first opaque background
 * behind them (WCAG 2.x relative luminance). A string, so that the test
 * runner's transform leaves it as written for the page.
 */
const LOW_CONTRAST = `(() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).slice(0, 4).map(Number);
  const lin = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const lum = (c) => 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
  const bg = (el) => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || c[3] > 0.5) return c;
    }
    return [255, 255, 255];
  };
  const ratio = (el) => {
    const a = lum(rgb(getComputedStyle(el).color));
    const b = lum(bg(el));
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  };
  const els = [...document.querySelectorAll('.step .status, .step .title, button:not(:disabled), textarea, .inputs, .privacy, .retry')];
  return els.map((el) => [el.textContent.trim().slice(0, 30), Math.round(ratio(el) * 10) / 10]).filter(([, r]) => r < 4.5);
})()`;

const focused = (page: Page, expr: string) => page.evaluate((t) => new Function('el', `return ${t}`)(document.activeElement), expr);

describe('accessibility', () => {
  it('the whole path works from the keyboard, with a visible focus ring and announcements', async () => {
    const ctx = await env.context();
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await ctx.newPage();
    await page.goto(env.app.url);
    await tabTo(page, "el.id === 'input-text'");
    await page.keyboard.insertText(SEED);
    await page.keyboard.press('Control+Enter');
    await page.locator('ol.checklist > li').first().waitFor();
    await page.waitForFunction(() =>
      /Diagnosis ready: \d+ steps, \d+ problems?\. First: /.test(document.querySelector('[data-testid="announcer"]')!.textContent!),
    );

    // the first step's summary: a focus ring, Enter folds and unfolds it
    await tabTo(page, "el.matches('ol.checklist > li:first-child summary')");
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    assert.notEqual(ring.style, 'none', 'focus is visible');
    assert.ok(ring.width >= 2);
    const first = page.locator('ol.checklist > li').first().locator('details');
    assert.equal(await first.getAttribute('open'), '');
    await page.keyboard.press('Enter');
    assert.equal(await first.getAttribute('open'), null);
    await page.keyboard.press('Enter');
    assert.equal(await first.getAttribute('open'), '');

    // a line link selects the line in the input
    await tabTo(page, "el.matches('button.line') && el.textContent === 'line 27'");
    await page.keyboard.press('Enter');
    const selected = await page.getByTestId('input').evaluate((t: HTMLTextAreaElement) => t.value.slice(t.selectionStart, t.selectionEnd));
    assert.equal(selected, SEED.split('\n')[26]);

    // a command's copy button copies the command alone
    await page.locator('li[data-rule="ptr.missing"] summary').focus();
    await tabTo(page, 'el.matches(\'li[data-rule="ptr.missing"] button.copy\')');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'whois 80.78.72.135');
    assert.equal(await focused(page, 'el.textContent'), 'Copied');

    // settings: opened by keyboard, the focus moves in; Escape closes and gives it back
    await page.getByRole('button', { name: 'Settings' }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await focused(page, 'el.id'), 'settings-heading');
    await tabTo(page, "el.id === 'new-resolver'");
    await page.keyboard.press('Escape');
    assert.equal(await page.getByTestId('settings').count(), 0);
    assert.equal(await focused(page, 'el.textContent.trim()'), 'Settings');

    // share: the same, and the link is made from the keyboard
    await page.getByRole('button', { name: 'Share…' }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await focused(page, 'el.id'), 'share-heading');
    await tabTo(page, "el.dataset.testid === 'make-link'");
    await page.keyboard.press('Enter');
    await page.getByTestId('share-link').waitFor();
    assert.match(await page.getByTestId('share-link').inputValue(), /#mm1\./);
    await page.keyboard.press('Escape');
    assert.equal(await focused(page, 'el.textContent.trim()'), 'Share…');
    await ctx.close();
  });

  it('has one main landmark, a heading outline without gaps, and labelled controls', async () => {
    const page = await (await env.context()).newPage();
    await page.goto(env.app.url);
    await pasteAndAnalyze(page, SEED);
    const outline = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.map((h) => Number(h.tagName[1])));
    assert.equal(outline[0], 1);
    for (let i = 1; i < outline.length; i++)
      assert.ok(outline[i] <= outline[i - 1] + 1, `heading level jumps at ${i}: ${outline.join(',')}`);
    assert.equal(await page.locator('main').count(), 1);
    const unlabelled = await page.$$eval('button, input:not([type=hidden]):not([tabindex="-1"]), textarea, select', (els) =>
      els
        .filter((el) => {
          const e = el as HTMLInputElement;
          const name = e.getAttribute('aria-label') || e.labels?.[0]?.textContent || (el.tagName === 'BUTTON' ? el.textContent : '');
          return !name?.trim();
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    assert.deepEqual(unlabelled, []);
    await page.context().close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`status labels and buttons are readable in the ${scheme} theme`, async () => {
      const page = await (await env.context()).newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(env.app.url);
      await pasteAndAnalyze(page, SEED);
      const low = (await page.evaluate(LOW_CONTRAST)) as [string, number][];
      assert.deepEqual(low, [], 'every label at least 4.5:1');
      // each status is a word too, not colour alone
      const words = await page.$$eval('ol.checklist > li[data-rule]', (lis) =>
        lis.map((li) => li.querySelector('.status')!.textContent!.trim()),
      );
      assert.ok(
        words.every((w) => /^(Problem|Warning|Passed|Note|Not checked)$/i.test(w)),
        words.join(','),
      );
      await page.context().close();
    });
  }
});
