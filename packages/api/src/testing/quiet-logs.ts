import { configureLogging } from '../logging/logger';

/*
 * Tests provoke failures on purpose (outages, broken input); their log lines would bury the
 * test report. A test about logging configures its own destination.
 */
configureLogging({ level: 'silent' });
