package network.ohc.care.core.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Sends bytes a well-behaved client never would, and reads the answer as it comes. */
public final class RawHttp {
    public record Answer(int status, String headers, String body) {
        public String header(String name) {
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        public boolean isProblem() {
            String ct = header("Content-Type");
            return ct != null && ct.toLowerCase(Locale.ROOT).startsWith("application/problem+json") && body.contains("\"status\":" + status);
        }

        @Override
        public String toString() {
            return status + " " + header("Content-Type") + " " + (body.length() > 300 ? body.substring(0, 300) : body);
        }
    }

    private RawHttp() {
    }

    public static Answer send(int port, byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before the whole request is written; read what it said.
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Answer send(int port, String request) {
        return send(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int headEnd = -1;
        long contentLength = -1;
        try {
            while (true) {
                int n = in.read(chunk);
                if (n < 0) {
                    break;
                }
                buf.write(chunk, 0, n);
                String text = buf.toString(StandardCharsets.ISO_8859_1);
                if (headEnd < 0) {
                    headEnd = text.indexOf("\r\n\r\n");
                    if (headEnd >= 0) {
                        Answer head = new Answer(0, text.substring(0, headEnd), "");
                        String cl = head.header("Content-Length");
                        contentLength = cl == null ? -1 : Long.parseLong(cl);
                    }
                }
                if (headEnd >= 0 && contentLength >= 0 && buf.size() >= headEnd + 4 + contentLength) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // fall through with what arrived
        }
        String text = buf.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return new Answer(text.isEmpty() ? -1 : parseStatus(text), text, "");
        }
        return new Answer(parseStatus(text), text.substring(0, end), text.substring(end + 4));
    }

    private static int parseStatus(String text) {
        String[] parts = text.split(" ", 3);
        try {
            return Integer.parseInt(parts[1]);
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
