/** Ferry's operations (backup, restore, verify, inspect) and the library entry point. Public API. */
package dev.ferry.ops;
