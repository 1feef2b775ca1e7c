import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './router';
import { showsNav, viewFor } from './routes';

describe('routes', () => {
  it('picks the view at / from the Teams frame context', () => {
    expect(viewFor('/', 'sidePanel')).toBe('sidePanel');
    expect(viewFor('/', 'meetingStage')).toBe('stage');
    expect(viewFor('/', 'content')).toBe('workbench');
    expect(viewFor('/', undefined)).toBe('workbench');
    expect(viewFor('/tracker/', 'sidePanel')).toBe('tracker');
    expect(viewFor('/nowhere', undefined)).toBe('notFound');
  });

  it('maps /dashboard to the dashboard, and / to it when SharePoint hosts the tab', () => {
    expect(viewFor('/dashboard', undefined)).toBe('dashboard');
    expect(viewFor('/dashboard/', 'content')).toBe('dashboard');
    expect(viewFor('/', 'content', true)).toBe('dashboard');
    expect(viewFor('/index.html', undefined, true)).toBe('dashboard');
    // SharePoint still shows the configuration page when the web part is being set up.
    expect(viewFor('/', 'settings', true)).toBe('config');
    // A fixed route is never redirected.
    expect(viewFor('/workbench', 'content', true)).toBe('workbench');
    expect(viewFor('/', 'content', false)).toBe('workbench');
  });

  it('shows the nav only in standalone and personal views', () => {
    expect(showsNav('workbench', false, undefined)).toBe(true);
    expect(showsNav('workbench', true, 'content')).toBe(true);
    expect(showsNav('dashboard', true, 'content')).toBe(true);
    expect(showsNav('sidePanel', true, 'sidePanel')).toBe(false);
    expect(showsNav('config', true, 'settings')).toBe(false);
  });

  it('only returns to paths on this site after sign-in', () => {
    expect(safeReturnTo('/workbench?x=1')).toBe('/workbench?x=1');
    expect(safeReturnTo('https://elsewhere.example/')).toBe('/');
    expect(safeReturnTo('//elsewhere.example/')).toBe('/');
    expect(safeReturnTo('/sign-in?returnTo=/x')).toBe('/');
    expect(safeReturnTo(null)).toBe('/');
  });
});
