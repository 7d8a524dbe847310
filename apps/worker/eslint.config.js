import config from '@opsledger/eslint-config';

export default config;
