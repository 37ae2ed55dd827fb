'use strict';
// Preloaded with --require (main thread and every worker thread): any network use throws and is
// reported on stderr, so a test can prove that reading evidence never goes online.
const net = require('node:net');
const tls = require('node:tls');
const dns = require('node:dns');
function refuse(what) {
  process.stderr.write(`NETWORK REFUSED: ${what}\n`);
  throw new Error(`network refused (${what})`);
}
net.Socket.prototype.connect = function connect() {
  refuse('socket connect');
};
tls.connect = () => refuse('tls connect');
dns.lookup = () => refuse('dns lookup');
dns.promises.lookup = async () => refuse('dns lookup');
globalThis.fetch = async (url) => refuse(`fetch ${String(url).slice(0, 60)}`);
