"""The WebSocket client of report.py on frames Chromium may send but a run may not show:
fragmented messages with a ping between fragments, and each payload length encoding.
Run: python3 -m unittest discover -s tests/browser"""

import struct
import time
import unittest

import report


class FakeSocket:
    """Serves nothing more than the bytes put in the client's buffer; keeps what is sent."""

    def __init__(self):
        self.sent = b""

    def settimeout(self, _):
        pass

    def recv(self, _):
        raise TimeoutError

    def sendall(self, data):
        self.sent += data


def client(incoming):
    ws = report.WebSocket.__new__(report.WebSocket)
    ws.sock, ws.buf = FakeSocket(), incoming
    return ws


def unmask(frame):
    """(first byte, payload) of one client frame, which must be masked."""
    assert frame[1] & 0x80, "a client frame is masked"
    n, at = frame[1] & 0x7F, 2
    if n == 126:
        (n,), at = struct.unpack("!H", frame[2:4]), 4
    elif n == 127:
        (n,), at = struct.unpack("!Q", frame[2:10]), 10
    mask, payload = frame[at:at + 4], frame[at + 4:]
    assert len(payload) == n
    return frame[0], bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


class WebSocketFrames(unittest.TestCase):
    def test_fragments_are_joined_and_a_ping_between_them_answered(self):
        long = "长" * 30000  # 90 000 bytes: the 64-bit length
        incoming = (
            bytes([0x01, 126]) + struct.pack("!H", 300) + b"a" * 300    # text, more to come
            + bytes([0x89, 2]) + b"hi"                                  # ping between fragments
            + bytes([0x00, 127]) + struct.pack("!Q", len(long.encode())) + long.encode()
            + bytes([0x80, 3]) + b"end"                                 # last fragment
            + bytes([0x81, 2]) + b"ok"                                  # the next message
        )
        ws = client(incoming)
        deadline = time.monotonic() + 5
        self.assertEqual(ws.recv(deadline), "a" * 300 + long + "end")
        self.assertEqual(unmask(ws.sock.sent), (0x8A, b"hi"))
        self.assertEqual(ws.recv(deadline), "ok")

    def test_a_message_cut_short_times_out(self):
        ws = client(bytes([0x81, 10]) + b"short")
        with self.assertRaises(TimeoutError):
            ws.recv(time.monotonic() + 1)

    def test_sent_frames_are_masked_with_each_length_encoding(self):
        for text in ("x" * 125, "x" * 126, "中" * 30000):
            ws = client(b"")
            ws.send(text)
            self.assertEqual(unmask(ws.sock.sent), (0x81, text.encode()))

    def test_close_frame_is_a_failure(self):
        ws = client(bytes([0x88, 2]) + struct.pack("!H", 1000))
        with self.assertRaises(report.Failure):
            ws.recv(time.monotonic() + 1)


if __name__ == "__main__":
    unittest.main()
