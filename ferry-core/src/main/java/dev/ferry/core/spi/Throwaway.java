package dev.ferry.core.spi;

/**
 * An empty database of the same engine, made to build an expected schema in (ferry doctor), and
 * dropped on {@link #close()}.
 *
 * @param description where it is, for messages ("database ferry_doctor_1a2b on the same server")
 */
public record Throwaway(ConnectionSpec spec, String description, Runnable drop) implements AutoCloseable {
    @Override
    public void close() {
        drop.run();
    }
}
