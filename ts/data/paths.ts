// Where provisioned data lives by default: $ILLUSION_LAB_DATA, else ~/.cache/illusion-lab/photos.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultPhotoDir(): string {
  return process.env.ILLUSION_LAB_DATA ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'illusion-lab', 'photos');
}
