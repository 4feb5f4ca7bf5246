// The verify page's style, inlined and allowed by its hash in the page's CSP: light and dark by the
// reader's system setting, large plain text, the verdict's state told by words and colour together.
export const PAGE_STYLE = `
:root { color-scheme: light dark; --bg: #f7f5ef; --card: #ffffff; --ink: #1c2433; --muted: #55606f; --line: #d8d3c4;
  --ok: #1d6b3a; --ok-bg: #e5f3e9; --bad: #a1231b; --bad-bg: #fbe7e5; --warn: #7a5300; --warn-bg: #fdf1d6; --accent: #1f3a68; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #14181f; --card: #1d232d; --ink: #e8ebf0; --muted: #a6afbd; --line: #364050;
    --ok: #7fd39a; --ok-bg: #173523; --bad: #ff9a90; --bad-bg: #43201d; --warn: #f2c66b; --warn-bg: #3d3118; --accent: #9db8ea; }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 17px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 40rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
header p { margin: 0; color: var(--muted); font-size: 0.95rem; letter-spacing: 0.04em; text-transform: uppercase; }
h1 { margin: 0.2rem 0 1rem; font-size: 1.6rem; color: var(--accent); }
h2 { margin: 0 0 0.4rem; font-size: 1.3rem; }
#verdict { border-radius: 0.6rem; padding: 1rem 1.1rem; border: 2px solid var(--line); background: var(--card); }
#verdict p { margin: 0.3rem 0 0; overflow-wrap: anywhere; }
#verdict[data-state="genuine"] { border-color: var(--ok); background: var(--ok-bg); }
#verdict[data-state="genuine"] h2::before { content: "\\2713  "; }
#verdict[data-state="failed"], #verdict[data-state="revoked"] { border-color: var(--bad); background: var(--bad-bg); }
#verdict[data-state="failed"] h2::before, #verdict[data-state="revoked"] h2::before { content: "\\2717  "; }
#verdict[data-state="unchecked"] { border-color: var(--warn); background: var(--warn-bg); }
#verdict[data-state="genuine"] h2 { color: var(--ok); }
#verdict[data-state="failed"] h2, #verdict[data-state="revoked"] h2 { color: var(--bad); }
#verdict[data-state="unchecked"] h2 { color: var(--warn); }
#status { overflow-wrap: anywhere; margin: 0.8rem 0 0; padding: 0.7rem 1rem; border-radius: 0.5rem; background: var(--card); border: 1px solid var(--line); }
#status[data-state="revoked"] { border-color: var(--bad); color: var(--bad); }
#status[data-state="in-force"] { border-color: var(--ok); }
#status[data-state="unchecked"] { border-color: var(--warn); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.35rem 1rem; margin: 1rem 0 0; padding: 1rem 1.1rem;
  background: var(--card); border: 1px solid var(--line); border-radius: 0.6rem; }
dt { color: var(--muted); }
dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
#drop { margin-top: 1.5rem; padding: 1.1rem; border: 2px dashed var(--line); border-radius: 0.6rem; text-align: center; background: var(--card); }
#drop.over { border-color: var(--accent); }
#drop p { margin: 0 0 0.6rem; }
label.button { display: inline-block; padding: 0.45rem 1rem; border-radius: 0.4rem; background: var(--accent); color: var(--bg); cursor: pointer; font-weight: 600; }
label.button:focus-within { outline: 3px solid var(--ink); outline-offset: 2px; }
input[type="file"] { position: absolute; width: 1px; height: 1px; opacity: 0; }
#file-name { color: var(--muted); font-size: 0.9rem; }
details { margin-top: 1.5rem; color: var(--muted); }
summary { cursor: pointer; color: var(--ink); }
footer { margin-top: 2rem; color: var(--muted); font-size: 0.85rem; }
`;
