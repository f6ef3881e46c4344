package dev.ferry.dialect.sqlite;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;

/** Who a process is, well enough to tell later whether it is still running: host, pid and start time. */
record ProcessIdentity(String host, long pid, Long startMillis) {
    private static final String HOST = hostName();

    static ProcessIdentity current() {
        ProcessHandle self = ProcessHandle.current();
        return new ProcessIdentity(HOST, self.pid(), self.info().startInstant().map(Instant::toEpochMilli).orElse(null));
    }

    /** Whether this process still runs on this host (a pid reused by a later process does not count). */
    boolean isAlive() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> startMillis == null || p.info().startInstant().map(Instant::toEpochMilli)
                        .map(s -> Math.abs(s - startMillis) < 1000).orElse(true))
                .isPresent();
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
