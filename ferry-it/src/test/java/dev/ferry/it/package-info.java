/**
 * Tests of every dialect together on real engines: the cross-engine restore matrix, transfer, diff
 * and verify --against. No main code lives in this module.
 */
package dev.ferry.it;
