/* MD5 (RFC 1321) for hotspot CHAP, written for this portal. hexMD5(s) hashes the low byte of each character of s,
   as RouterOS expects: the CHAP id and challenge arrive as characters \000-\377. */
(function (global) {
  'use strict';
  var S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
  var K = [];
  for (var i = 0; i < 64; i++) { K[i] = Math.floor(Math.abs(Math.sin(i + 1)) * 4294967296) | 0; }

  function rotl(x, c) { return (x << c) | (x >>> (32 - c)); }

  function bytesOf(text) {
    var bytes = [];
    for (var i = 0; i < text.length; i++) { bytes.push(text.charCodeAt(i) & 0xff); }
    return bytes;
  }

  function md5(bytes) {
    var length = bytes.length;
    var padded = bytes.slice();
    padded.push(0x80);
    while (padded.length % 64 !== 56) { padded.push(0); }
    var bits = length * 8;
    for (var b = 0; b < 8; b++) { padded.push(b < 4 ? (bits >>> (8 * b)) & 0xff : (b === 4 ? Math.floor(length / 536870912) & 0xff : 0)); }
    var h = [0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476];
    var w = new Array(16);
    for (var block = 0; block < padded.length; block += 64) {
      for (var j = 0; j < 16; j++) {
        var at = block + j * 4;
        w[j] = padded[at] | (padded[at + 1] << 8) | (padded[at + 2] << 16) | (padded[at + 3] << 24);
      }
      var a = h[0], bb = h[1], c = h[2], d = h[3];
      for (var step = 0; step < 64; step++) {
        var f, g, round = step >> 4;
        if (round === 0) { f = (bb & c) | (~bb & d); g = step; }
        else if (round === 1) { f = (d & bb) | (~d & c); g = (5 * step + 1) % 16; }
        else if (round === 2) { f = bb ^ c ^ d; g = (3 * step + 5) % 16; }
        else { f = c ^ (bb | ~d); g = (7 * step) % 16; }
        var next = d;
        d = c;
        c = bb;
        bb = (bb + rotl((a + f + K[step] + w[g]) | 0, S[round * 4 + (step & 3)])) | 0;
        a = next;
      }
      h[0] = (h[0] + a) | 0; h[1] = (h[1] + bb) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0;
    }
    var hex = '';
    for (var k = 0; k < 16; k++) {
      var byte = (h[k >> 2] >>> ((k & 3) * 8)) & 0xff;
      hex += (byte < 16 ? '0' : '') + byte.toString(16);
    }
    return hex;
  }

  global.hexMD5 = function (text) { return md5(bytesOf(String(text))); };
})(this);
