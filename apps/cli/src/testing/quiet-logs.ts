import { configureLogging } from '@opsledger/api';

/* The API these tests serve in-process logs refused keys and the like; the report stays clean. */
configureLogging({ level: 'silent' });
