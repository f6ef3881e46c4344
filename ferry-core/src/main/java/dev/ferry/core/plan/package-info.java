/** Planning over the schema: the foreign-key graph, load order, cycles. Public API. */
package dev.ferry.core.plan;
