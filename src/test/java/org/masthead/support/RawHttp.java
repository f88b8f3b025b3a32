package org.masthead.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand over a socket, for requests the JDK client refuses to send: a forged {@code Host}
 * header, a malformed body. Reads the status line and headers of the answer; the body is kept as text.
 */
public final class RawHttp {

    public record Response(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    public static Response get(int port, String path, String... headers) {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
        if (!List.of(headers).contains("Host")) {
            request.append("Host: 127.0.0.1:").append(port).append("\r\n");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        return send(port, request.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Sends the bytes as they are and reads the answer until the server closes the connection, or for at most
     * ten seconds (an answer that is a never-ending stream is cut there).
     */
    public static Response send(int port, byte[] request) {
        return send(port, request, "127.0.0.1");
    }

    /** As {@link #send(int, byte[])}, connecting from {@code localAddress} (any 127.x.y.z is this machine). */
    public static Response send(int port, byte[] request, String localAddress) {
        try (Socket socket = new Socket(java.net.InetAddress.getByName("127.0.0.1"), port,
                java.net.InetAddress.getByName(localAddress), 0)) {
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            long deadline = System.nanoTime() + 10_000_000_000L;
            byte[] buffer = new byte[8192];
            while (System.nanoTime() < deadline) {
                int read;
                try {
                    read = in.read(buffer);
                } catch (java.net.SocketTimeoutException quiet) {
                    continue;
                }
                if (read < 0) {
                    break;
                }
                received.write(buffer, 0, read);
            }
            return parse(received.toString(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response parse(String text) {
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip(),
                        (a, b) -> a + ", " + b);
            }
        }
        return new Response(status, headers, end < 0 ? "" : text.substring(end + 4));
    }

    /**
     * A newsroom sign-in attempt from a chosen loopback address, as a browser makes it: the form for its session
     * cookie and CSRF token, then the post. Each address has its own throttle, so tests never block each other.
     *
     * @return the answer to the post (302 to /admin on success, to /admin/login?error on failure, 429 when throttled)
     */
    public static Response signIn(int port, String localAddress, String email, String password, String... headers) {
        Response form = send(port, ("GET /admin/login HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1), localAddress);
        String cookie = form.header("Set-Cookie") == null ? "" : form.header("Set-Cookie").split(";", 2)[0];
        String csrf = org.jsoup.Jsoup.parse(form.body()).selectFirst("input[name=_csrf]").attr("value");
        String body = "email=" + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + java.net.URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder("POST /admin/login HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        request.append("Cookie: ").append(cookie).append("\r\nContent-Type: application/x-www-form-urlencoded\r\n")
                .append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length)
                .append("\r\nConnection: close\r\n\r\n").append(body);
        return send(port, request.toString().getBytes(StandardCharsets.UTF_8), localAddress);
    }

    /** A loopback address of its own for one test, so per-address limits it trips touch no other test. */
    public static String ownAddress() {
        return "127.0." + (1 + java.util.concurrent.ThreadLocalRandom.current().nextInt(250)) + "."
                + (2 + java.util.concurrent.ThreadLocalRandom.current().nextInt(250));
    }

    /**
     * Opens a request from a chosen loopback address (the whole of 127.0.0.0/8 is this machine), so one test
     * process can be many clients; returns the status line's code and keeps the connection open for streams.
     */
    public static Socket open(int port, String path, String localAddress) {
        try {
            Socket socket = new Socket(java.net.InetAddress.getByName("127.0.0.1"), port,
                    java.net.InetAddress.getByName(localAddress), 0);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status code of the answer on a socket from {@link #open}. */
    public static int status(Socket socket) {
        try {
            StringBuilder line = new StringBuilder();
            InputStream in = socket.getInputStream();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            return Integer.parseInt(line.toString().split(" ")[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
