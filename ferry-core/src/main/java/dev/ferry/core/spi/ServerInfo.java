package dev.ferry.core.spi;

/** What a connection says about its server: product name and version, and the database name. */
public record ServerInfo(String engine, String product, String version, String database) {
}
