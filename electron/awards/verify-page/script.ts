// The verify page's script, inlined into the page and allowed by its hash in the page's CSP. Plain
// ES2020 for every current browser, no modules, no network but the issuer's status lists (and the CSP's
// connect-src says which). It reads its configuration from the page's JSON block (#assay-config):
//   { issuer: { name, ids: [...] }, keys: [{ kid, multikey, x }], methods: [{ id, controller, publicKeyMultibase }],
//     verifyPageUrl, statusOrigins: [origin…] }
// and checks Data Integrity proofs with AssayProof.checkProof (proof-check.ts, inlined just before it).
// and writes everything with textContent (never HTML), so nothing in a code or a file becomes markup.
// Kept as a string (not compiled TypeScript) so that the page holds exactly this text.
export const PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('assay-config').textContent);
  var issuer = config.issuer.name;
  var SEP = '\u001f';
  var $ = function (id) { return document.getElementById(id); };

  function b64uToBytes(s) {
    if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return null;
    var b64 = s.replace(/-/g, '+').replace(/_/g, '/');
    while (b64.length % 4) b64 += '=';
    var bin = atob(b64);
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  // The verdict box: state is genuine | revoked | failed | unchecked | info
  function verdict(state, title, lines) {
    var box = $('verdict');
    box.replaceChildren();
    box.setAttribute('data-state', state);
    box.hidden = false;
    box.appendChild(el('h2', title));
    (lines || []).forEach(function (l) { box.appendChild(el('p', l)); });
    return box;
  }

  function details(rows) {
    var dl = $('details');
    dl.replaceChildren();
    dl.hidden = rows.length === 0;
    rows.forEach(function (r) {
      if (!r[1]) return;
      dl.appendChild(el('dt', r[0]));
      dl.appendChild(el('dd', r[1]));
    });
  }

  function statusLine(state, text) {
    var s = $('status');
    s.hidden = false;
    s.setAttribute('data-state', state);
    s.replaceChildren(el('strong', state === 'in-force' ? 'In force. ' : state === 'revoked' ? 'Revoked. ' : 'Status not checked. '), document.createTextNode(text));
  }

  function formatDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
    if (!m) return iso || '';
    var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    try {
      return d.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    } catch (e) {
      return m[0];
    }
  }

  async function gunzip(bytes) {
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }
  async function inflate(bytes) {
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  // A credential's (or status list's) Data Integrity proof, checked by AssayProof against the keys this
  // page carries; signed by another key, however validly, it is not the issuer's. Resolves to
  // AssayProof's result: { verified: true, verificationMethod, … } or { verified: false, code, reason, unverifiable };
  // rejects when this browser cannot check signatures at all.
  async function checkSignature(doc) {
    var r = await AssayProof.checkProof(doc, config.methods);
    if (!r.verified) return r;
    var ours = config.keys.some(function (k) { return k.multikey === r.publicKeyMultibase; });
    if (!ours || config.issuer.ids.indexOf(r.controller) < 0)
      return { verified: false, code: 'unknown-key', reason: 'it was signed by ' + r.verificationMethod + ', a key ' + issuer + ' does not use', verificationMethod: r.verificationMethod };
    return r;
  }

  // Revocation: the bit at index in the issuer's Bitstring Status List. Resolves to
  // { state: 'in-force' | 'revoked' | 'unchecked', text }.
  async function checkStatus(entry) {
    if (!entry) return { state: 'unchecked', text: 'This award carries no revocation list, so this page cannot tell whether ' + issuer + ' has withdrawn it. Ask ' + issuer + ' if you need to know.' };
    var origin = null;
    try { origin = new URL(entry.url).origin; } catch (e) { origin = null; }
    if (config.statusOrigins.indexOf(origin) < 0)
      return { state: 'unchecked', text: 'The award names a revocation list (' + entry.url + ') on a web site this page does not know as ' + issuer + '\u2019s. Ask ' + issuer + ' whether the award is still in force.' };
    if (navigator.onLine === false)
      return { state: 'unchecked', text: 'This device is offline, so ' + issuer + '\u2019s revocation list could not be fetched. The award was genuine when issued; check again when online.' };
    var list;
    try {
      var res = await fetch(entry.url, { cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer', redirect: 'error' });
      if (!res.ok) throw new Error('HTTP ' + res.status);
      list = await res.json();
    } catch (e) {
      return { state: 'unchecked', text: issuer + '\u2019s revocation list at ' + entry.url + ' could not be fetched (' + (e && e.message ? e.message : 'network error') + '). The award was genuine when issued; check again later.' };
    }
    try {
      var types = [].concat(list.type || []);
      var subject = list.credentialSubject || {};
      var listIssuer = typeof list.issuer === 'string' ? list.issuer : list.issuer && list.issuer.id;
      if (types.indexOf('BitstringStatusListCredential') < 0) throw new Error('it is not a Bitstring Status List');
      if (subject.statusPurpose !== 'revocation') throw new Error('it is not a revocation list');
      if (config.issuer.ids.indexOf(listIssuer) < 0) throw new Error('it names another issuer (' + listIssuer + ')');
      if (list.id !== entry.url) throw new Error('it calls itself ' + list.id + ', not ' + entry.url);
    } catch (e) {
      return { state: 'unchecked', text: issuer + '\u2019s revocation list could not be read: ' + e.message + '.' };
    }
    var signed;
    try {
      signed = await checkSignature(list);
    } catch (e) {
      return { state: 'unchecked', text: 'This browser cannot check the signature of ' + issuer + '\u2019s revocation list (' + e.message + '), so this page cannot tell whether the award was withdrawn.' };
    }
    if (signed.verified && signed.controller !== listIssuer)
      signed = { verified: false, reason: 'it was signed by ' + signed.controller + ', not by ' + listIssuer + ' whose list it says it is' };
    if (!signed.verified)
      return { state: 'unchecked', text: 'The signature of ' + issuer + '\u2019s revocation list at ' + entry.url + ' fails: ' + signed.reason + '. The list may have been changed by someone other than ' + issuer + ', so this page cannot tell whether the award was withdrawn. Ask ' + issuer + '.' };
    try {
      var enc = subject.encodedList;
      if (typeof enc !== 'string' || enc[0] !== 'u') throw new Error('its list is not encoded as the standard says');
      var gz = b64uToBytes(enc.slice(1));
      if (!gz) throw new Error('its list is not base64url');
      var bits = await gunzip(gz);
      if (entry.index >= bits.length * 8) throw new Error('the award\u2019s place ' + entry.index + ' is outside the list');
      var revoked = (bits[entry.index >> 3] & (0x80 >> (entry.index & 7))) !== 0;
      var when = new Date().toLocaleString();
      return revoked
        ? { state: 'revoked', text: issuer + ' has withdrawn this award: its revocation list says so (checked ' + when + ').' }
        : { state: 'in-force', text: issuer + '\u2019s revocation list does not list it as withdrawn (checked ' + when + ').' };
    } catch (e) {
      return { state: 'unchecked', text: issuer + '\u2019s revocation list could not be read: ' + e.message + '.' };
    }
  }

  function findKey(kid) {
    for (var i = 0; i < config.keys.length; i++) if (config.keys[i].kid === kid) return config.keys[i];
    return null;
  }

  async function ed25519Verify(rawKey, signature, message) {
    if (!window.crypto || !crypto.subtle) throw new Error('this browser offers no signature checking here (open the page over https or as a file)');
    var key = await crypto.subtle.importKey('raw', rawKey, { name: 'Ed25519' }, false, ['verify']);
    return crypto.subtle.verify({ name: 'Ed25519' }, key, signature, message);
  }

  function fail(title, why) {
    details([]);
    $('status').hidden = true;
    verdict('failed', title, [why, 'Do not rely on this certificate. Contact ' + issuer + ' if you were given it as proof of an award.']);
  }

  // The QR code's proof: base64url(message || Ed25519 signature), see certificate/qr.ts.
  async function checkCode(proof) {
    var bytes = b64uToBytes(proof);
    if (!bytes || bytes.length <= 64) return fail('This code is not genuine', 'The code in the address is damaged or incomplete.');
    var message = bytes.slice(0, bytes.length - 64);
    var signature = bytes.slice(bytes.length - 64);
    var text;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(message);
    } catch (e) {
      return fail('This code is not genuine', 'The code in the address is damaged.');
    }
    var f = text.split(SEP);
    if (f[0] !== 'AS1' || f.length !== 9) return fail('This code is not genuine', 'The address does not hold a certificate code of ' + issuer + '.');
    var key = findKey(f[1]);
    if (!key) return fail('This code is not genuine', 'The code was not signed by ' + issuer + ' (it names a key ' + issuer + ' does not use).');
    var ok;
    try {
      ok = await ed25519Verify(b64uToBytes(key.x), signature, message);
    } catch (e) {
      details([]);
      verdict('unchecked', 'This code could not be checked', ['This browser cannot check the signature: ' + e.message + '. Open the link in a current browser (Chrome, Edge, Firefox or Safari).']);
      return;
    }
    if (!ok) return fail('This code is not genuine', 'Its signature does not match: the code was changed, or it was not made by ' + issuer + '.');
    var id = f[2].indexOf(':') >= 0 ? f[2] : 'urn:uuid:' + f[2];
    var entry = null;
    if (f[7] !== '' || f[8] !== '') {
      var url = f[8].charAt(0) === '/' ? new URL(config.verifyPageUrl).origin + f[8] : f[8];
      entry = { index: Number(f[7]), url: url };
    }
    var rows = [
      ['Awarded to', f[3]],
      ['Achievement', f[4]],
      ['Date of award', formatDate(f[5])],
      ['Verification code', f[6]],
      ['Issued by', issuer],
      ['Award id', id],
    ];
    details(rows);
    verdict('genuine', 'This certificate is genuine', ['The code on it was signed by ' + issuer + '. Compare the details below with the paper: they must match.']);
    statusLine('pending', 'Checking whether ' + issuer + ' has withdrawn it\u2026');
    var st = await checkStatus(entry);
    statusLine(st.state, st.text);
    if (st.state === 'revoked')
      verdict('revoked', 'This award has been revoked', ['The certificate was signed by ' + issuer + ', but ' + issuer + ' has since withdrawn the award. It is no longer valid.']);
  }

  // ---- Files dropped on the page: a credential JSON, a baked badge PNG, a certificate PDF ----

  function latin1(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return s;
  }

  async function credentialFromPng(bytes) {
    var view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    var p = 8;
    while (p + 12 <= bytes.length) {
      var len = view.getUint32(p);
      var type = latin1(bytes.subarray(p + 4, p + 8));
      var data = bytes.subarray(p + 8, p + 8 + len);
      if (type === 'iTXt') {
        var z = data.indexOf(0);
        if (latin1(data.subarray(0, z)) === 'openbadgecredential') {
          var compressed = data[z + 1] === 1;
          var q = z + 3;
          q = data.indexOf(0, q) + 1; // language tag
          q = data.indexOf(0, q) + 1; // translated keyword
          var text = data.subarray(q);
          if (compressed) text = await inflate(text);
          return new TextDecoder().decode(text);
        }
      }
      if (type === 'IEND') break;
      p += 12 + len;
    }
    throw new Error('the PNG carries no baked credential (no openbadgecredential chunk)');
  }

  // The PDF's embedded files (streams of /Type /EmbeddedFile), inflated when Flate-encoded.
  async function credentialFromPdf(bytes) {
    var s = latin1(bytes);
    var re = /\/Type\s*\/EmbeddedFile\b/g;
    var m;
    while ((m = re.exec(s))) {
      var dictStart = s.lastIndexOf('obj', m.index);
      var streamAt = s.indexOf('stream', m.index);
      if (streamAt < 0) break;
      var dict = s.slice(dictStart, streamAt);
      var start = streamAt + 6;
      if (s[start] === '\r') start++;
      if (s[start] === '\n') start++;
      var lenMatch = /\/Length\s+(\d+)(\s+\d+\s+R)?/.exec(dict);
      var end = lenMatch && !lenMatch[2] ? start + Number(lenMatch[1]) : s.indexOf('endstream', start);
      var data = bytes.subarray(start, end);
      try {
        if (/\/Filter\s*\/FlateDecode/.test(dict)) data = await inflate(data);
        var text = new TextDecoder().decode(data);
        var json = JSON.parse(text);
        if (json && json.credentialSubject) return text;
      } catch (e) {
        // not this one; try the next embedded file
      }
    }
    throw new Error('the PDF carries no attached credential');
  }

  function keyOfMethod(vm) {
    if (typeof vm !== 'string') return null;
    var frag = vm.indexOf('#') >= 0 ? vm.slice(vm.indexOf('#') + 1) : '';
    for (var i = 0; i < config.keys.length; i++) if (config.keys[i].multikey === frag) return config.keys[i];
    return null;
  }

  async function checkFile(file) {
    $('file-name').textContent = file.name;
    var bytes = new Uint8Array(await file.arrayBuffer());
    var text;
    var kind;
    try {
      if (latin1(bytes.subarray(0, 5)) === '%PDF-') {
        kind = 'certificate PDF';
        text = await credentialFromPdf(bytes);
      } else if (bytes[0] === 0x89 && latin1(bytes.subarray(1, 4)) === 'PNG') {
        kind = 'badge image';
        text = await credentialFromPng(bytes);
      } else {
        kind = 'credential file';
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      }
    } catch (e) {
      return fail('This file could not be read', 'The ' + (kind || 'file') + ' ' + file.name + ' could not be read: ' + e.message + '.');
    }
    var c;
    try {
      c = JSON.parse(text);
    } catch (e) {
      return fail('This file is not a credential', file.name + ' is not a certificate PDF, a badge image or a credential file.');
    }
    var subject = c && c.credentialSubject ? c.credentialSubject : {};
    var achievement = subject.achievement || {};
    var issuerId = typeof c.issuer === 'string' ? c.issuer : c.issuer && c.issuer.id;
    var proof = [].concat(c.proof || [])[0] || {};
    var key = keyOfMethod(proof.verificationMethod);
    var statuses = [].concat(c.credentialStatus || []);
    var entry = null;
    statuses.forEach(function (s) {
      if (s && s.statusPurpose === 'revocation' && typeof s.statusListCredential === 'string' && /^\d+$/.test(String(s.statusListIndex)))
        entry = { index: Number(s.statusListIndex), url: s.statusListCredential };
    });
    details([
      ['Awarded to', subject.name || ''],
      ['Achievement', achievement.name || ''],
      ['Date of award', formatDate(c.validFrom || c.issuanceDate)],
      ['Issued by (as the file says)', (c.issuer && c.issuer.name) || issuerId || ''],
      ['Award id', c.id || ''],
    ]);
    if (config.issuer.ids.indexOf(issuerId) < 0 || !key) {
      $('status').hidden = true;
      return verdict('failed', 'This file was not issued by ' + issuer, [
        'The ' + kind + ' names ' + (issuerId || 'no issuer') + ' and a signing key that ' + issuer + ' does not use. Do not rely on it.',
      ]);
    }
    verdict('info', 'Checking the signature\u2026', ['The ' + kind + ' names ' + issuer + ' and one of its signing keys.']);
    var signed;
    try {
      signed = await checkSignature(c);
    } catch (e) {
      $('status').hidden = true;
      return verdict('unchecked', 'The signature could not be checked', ['This browser cannot check the signature: ' + e.message + '. Open the page in a current browser (Chrome, Edge, Firefox or Safari), or scan the certificate\u2019s QR code.']);
    }
    if (!signed.verified) {
      details([]);
      $('status').hidden = true;
      // the key as the foot of the page lists it (its short id), not its long method URL
      var method = ' (by ' + issuer + '\u2019s key ' + key.kid + ')';
      if (signed.code === 'bad-signature')
        return verdict('failed', 'This file was changed after it was signed', [
          'The award\u2019s signature' + method + ' does not match what the ' + kind + ' now says: something in it (a name, a date, a result) is not what ' + issuer + ' signed. Do not rely on it.',
          'What failed: the credential\u2019s Data Integrity proof (eddsa-rdfc-2022).',
        ]);
      if (signed.unverifiable)
        return verdict('unchecked', 'The signature could not be checked here', ['The award\u2019s signature' + method + ' could not be checked: ' + signed.reason + '. Scan the certificate\u2019s QR code, or check the file with Assay (assay verify).']);
      return verdict('failed', 'This file\u2019s signature is not valid', ['The award\u2019s signature' + method + ' is not valid: ' + signed.reason + '. Do not rely on it.']);
    }
    verdict('genuine', 'Signature checked: this award is genuine', [
      'The ' + kind + ' carries an award signed by ' + issuer + ' with its key ' + key.kid + ', and nothing in it has changed since. Compare the details below with what you were told.',
    ]);
    statusLine('pending', 'Checking whether ' + issuer + ' has withdrawn it\u2026');
    var st = await checkStatus(entry);
    statusLine(st.state, st.text);
    if (st.state === 'revoked')
      verdict('revoked', 'This award has been revoked', ['The award was signed by ' + issuer + ', but ' + issuer + ' has since withdrawn it. It is no longer valid.']);
  }

  function route() {
    var proof = location.hash.replace(/^#/, '');
    $('file-name').textContent = '';
    if (!proof) {
      details([]);
      $('status').hidden = true;
      verdict('info', 'Scan a certificate\u2019s QR code', ['Point a phone camera at the QR code on a certificate from ' + issuer + ': it opens this page and checks the award. Or drop the award\u2019s file below.']);
      return;
    }
    checkCode(proof).catch(function (e) { fail('This code could not be checked', String(e && e.message)); });
  }

  var drop = $('drop');
  drop.addEventListener('dragover', function (e) { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
  drop.addEventListener('drop', function (e) {
    e.preventDefault();
    drop.classList.remove('over');
    var f = e.dataTransfer && e.dataTransfer.files[0];
    if (f) checkFile(f).catch(function (e) { fail('This file could not be checked', String(e && e.message)); });
  });
  $('file').addEventListener('change', function (e) {
    var f = e.target.files && e.target.files[0];
    if (f) checkFile(f).catch(function (e) { fail('This file could not be checked', String(e && e.message)); });
  });
  window.addEventListener('hashchange', route);
  route();
})();
`;
