/**
 * Durable storage behind the core's interfaces: virtual keys and the cost ledger in SQLite (default) or PostgreSQL
 * through JDBC with Flyway migrations, and budgets and rate limits shared across replicas in Redis (Lettuce).
 */
package dev.arbiter.store;
