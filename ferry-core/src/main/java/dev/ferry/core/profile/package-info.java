/**
 * Column profiles: what a column's values turned out to be (representations seen, longest text,
 * integer and date ranges), gathered during a backup and written into the manifest so a cross-engine
 * restore can choose lossless target types before it writes anything. Public API.
 */
package dev.ferry.core.profile;
