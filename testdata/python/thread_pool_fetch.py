# Claim T6: a pool of threads fetches many URLs at once. The server is
# the standard library's, started in this program on a loopback port, so
# nothing leaves the machine; it answers each request after 1 s.
#
#     python3 testdata/python/thread_pool_fetch.py
#
# You will see the five bodies in the order of the URLs ("item 3",
# "item 1", "item 4", "item 1", "item 5") and "took 1 s": five workers
# waited on the five slow answers at once, where one at a time would take
# 5 s.

import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from scaled import Stopwatch, seconds


class SlowItems(BaseHTTPRequestHandler):
    def do_GET(self):
        time.sleep(seconds(1))
        body = f"item {self.path.rsplit('/', 1)[-1]}".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass  # no request log on stderr


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode()


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowItems)
    serving = threading.Thread(target=server.serve_forever)
    serving.start()
    try:
        port = server.server_address[1]
        urls = [f"http://127.0.0.1:{port}/item/{i}" for i in (3, 1, 4, 1, 5)]
        watch = Stopwatch()
        with ThreadPoolExecutor(max_workers=5) as pool:
            for body in pool.map(fetch, urls):
                print(body)
        print(watch.took())
    finally:
        server.shutdown()
        server.server_close()
        serving.join()


if __name__ == "__main__":
    main()
