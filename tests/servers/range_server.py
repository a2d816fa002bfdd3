"""A static file server for tests that honours HTTP Range requests (for resumed downloads).

    python range_server.py DIRECTORY PORT_FILE

Binds 127.0.0.1 on a free port, writes the port to PORT_FILE, serves until killed.
"""

import http.server
import os
import sys
from functools import partial


class RangeHandler(http.server.SimpleHTTPRequestHandler):
    def send_head(self):
        spec = self.headers.get("Range", "")
        path = self.translate_path(self.path)
        if not spec.startswith("bytes=") or not os.path.isfile(path):
            return super().send_head()
        start = int(spec[6:].split("-")[0] or 0)
        size = os.path.getsize(path)
        fh = open(path, "rb")  # noqa: SIM115 - the base class closes it after copying
        fh.seek(start)
        self.send_response(206)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Range", f"bytes {start}-{size - 1}/{size}")
        self.send_header("Content-Length", str(size - start))
        self.end_headers()
        return fh

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    directory, port_file = sys.argv[1], sys.argv[2]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             partial(RangeHandler, directory=directory))
    with open(port_file + ".tmp", "w") as fh:
        fh.write(str(server.server_address[1]))
    os.replace(port_file + ".tmp", port_file)
    server.serve_forever()
