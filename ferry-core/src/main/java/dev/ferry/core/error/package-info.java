/**
 * Ferry's one exception type and its error codes. Public API: the codes and their exit codes are
 * what scripts depend on.
 */
package dev.ferry.core.error;
