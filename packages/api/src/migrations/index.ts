import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125040103 } from './Migration20261125040103.js';
import { Migration20261125043727 } from './Migration20261125043727.js';
import { Migration20261125044529 } from './Migration20261125044529.js';
import { Migration20261125045118 } from './Migration20261125045118.js';
import { Migration20261125045250 } from './Migration20261125045250.js';
import { Migration20261125045852 } from './Migration20261125045852.js';
import { Migration20261125050158 } from './Migration20261125050158.js';
import { Migration20261125054802 } from './Migration20261125054802.js';
import { Migration20261125061242 } from './Migration20261125061242.js';
import { Migration20261125064106 } from './Migration20261125064106.js';
import { Migration20261125065554 } from './Migration20261125065554.js';
import { Migration20261125082914 } from './Migration20261125082914.js';
import { Migration20261125072247 } from './Migration20261125072247.js';
import { Migration20261125085905 } from './Migration20261125085905.js';
import { Migration20261125102435 } from './Migration20261125102435.js';
import { Migration20261125110614 } from './Migration20261125110614.js';
import { Migration20261125111330 } from './Migration20261125111330.js';
import { Migration20261207174545 } from './Migration20261207174545.js';

/** Every migration in order; add new ones here after `pnpm --filter @reseller-hub/api migration:create`. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261125040103', class: Migration20261125040103 },
  { name: 'Migration20261125043727', class: Migration20261125043727 },
  { name: 'Migration20261125044529', class: Migration20261125044529 },
  { name: 'Migration20261125045118', class: Migration20261125045118 },
  { name: 'Migration20261125045250', class: Migration20261125045250 },
  { name: 'Migration20261125045852', class: Migration20261125045852 },
  { name: 'Migration20261125050158', class: Migration20261125050158 },
  { name: 'Migration20261125054802', class: Migration20261125054802 },
  { name: 'Migration20261125061242', class: Migration20261125061242 },
  { name: 'Migration20261125064106', class: Migration20261125064106 },
  { name: 'Migration20261125065554', class: Migration20261125065554 },
  { name: 'Migration20261125072247', class: Migration20261125072247 },
  { name: 'Migration20261125082914', class: Migration20261125082914 },
  { name: 'Migration20261125085905', class: Migration20261125085905 },
  { name: 'Migration20261125102435', class: Migration20261125102435 },
  { name: 'Migration20261125110614', class: Migration20261125110614 },
  { name: 'Migration20261125111330', class: Migration20261125111330 },
  { name: 'Migration20261207174545', class: Migration20261207174545 },
];
