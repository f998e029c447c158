import type { Express } from 'express';
import type { Hono } from 'hono';
export declare function expressApp(): Express;
export declare function honoApp(): Hono;
