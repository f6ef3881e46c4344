package dev.ferry.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy between Ferry and a database server (plain sockets, two threads per connection) that
 * injects one network fault once a number of bytes has passed in either direction: {@link Fault#DROP}
 * closes both sides of every connection, {@link Fault#STALL} stops forwarding and leaves them open
 * (a frozen link), {@link Fault#CUT} closes them in the middle of the next buffer, mid-message.
 */
final class FaultProxy implements AutoCloseable {
    enum Fault { NONE, DROP, STALL, CUT }

    private final ServerSocket server;
    private final String host;
    private final int upstreamPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicLong forwarded = new AtomicLong();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Fault fault = Fault.NONE;
    private volatile long after = Long.MAX_VALUE;
    private volatile boolean struck;

    FaultProxy(String host, int upstreamPort) throws IOException {
        this.host = host;
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "fault-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Injects {@code what} once {@code bytes} more bytes have been forwarded. */
    void inject(Fault what, long bytes) {
        forwarded.set(0);
        this.after = bytes;
        this.fault = what;
    }

    /** Bytes forwarded so far, both directions. */
    long forwarded() {
        return forwarded.get();
    }

    /** Whether the fault has been injected. */
    boolean struck() {
        return struck;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(host, upstreamPort);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (!forward(out, buffer, n)) {
                        return;
                    }
                }
            } catch (IOException closed) {
                // one side closed: close the other too, as a real connection would end
            } finally {
                if (fault != Fault.STALL || !struck) {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            }
        }, "fault-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    /** Forwards one buffer unless the fault strikes; false to stop pumping. */
    private boolean forward(OutputStream out, byte[] buffer, int n) throws IOException {
        if (struck || forwarded.addAndGet(n) >= after && fault != Fault.NONE) {
            strike();
            if (fault == Fault.CUT && n > 1) {
                out.write(buffer, 0, n / 2);
                out.flush();
            }
            if (fault == Fault.STALL) {
                return parkForever();
            }
            sockets.forEach(FaultProxy::closeQuietly);
            return false;
        }
        out.write(buffer, 0, n);
        out.flush();
        return true;
    }

    private synchronized void strike() {
        struck = true;
    }

    private boolean parkForever() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        closed.countDown();
        sockets.forEach(FaultProxy::closeQuietly);
    }
}
