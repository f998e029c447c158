import { expect, test } from 'vitest';
import 'corsproof/vitest';
import * as corsproof from 'corsproof';
import * as mock from 'corsproof/mock';
import domSuite from './dom.suite.cjs';

domSuite({ test, expect, corsproof, mock });
