/** Shared by the global set-up (which runs outside Jest's module mapping) and the test helpers. */
export const TEMPLATE_DATABASE = 'zeren_test_template';
export const TEST_APP_PASSWORD = 'zeren-app-test-password';
