import type { ApiClient } from './client';

/**
 * Downloads a file the API serves only with the bearer token (so a plain link cannot fetch it)
 * and hands it to the browser to save under `filename`.
 */
export async function downloadFile(api: ApiClient, path: string, filename: string): Promise<void> {
  const blob = await api.getBlob(path);
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoked after the click has been handled, so the browser has started the download.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
