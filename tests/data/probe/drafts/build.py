"""Helper to write compact drafts for /work/shared/tools/annotate.py in text order.
Each item is located after the previous one (cursor), and ctx/nth are computed."""
import json, subprocess, sys
from pathlib import Path

ROOT = Path('/work/main/tests/data/probe')


class Doc:
    def __init__(self, doc_id, title, published, byline):
        self.doc_id = doc_id
        self.text = (ROOT / 'texts' / f'{doc_id}.txt').read_text(encoding='utf-8')
        self.meta = dict(doc_id=doc_id, source=f'{doc_id}.txt', title=title, published=published, byline=byline)
        self.ents, self.figs = [], []
        self.cur = 0
        self.locs = {}
        self.P = None      # default period
        self.LOC = None    # default figure locality (canonical)

    def _place(self, span, ctx=None):
        ctx = ctx or span
        inner = ctx.find(span)
        assert inner >= 0, (span, ctx)
        assert ctx.find(span, inner + 1) < 0, ('span twice in ctx', span, ctx)
        pos, n = -1, 0
        while True:
            pos = self.text.find(ctx, pos + 1)
            if pos < 0:
                raise ValueError(f'{self.doc_id}: {span!r} (ctx {ctx!r}) not found after {self.cur}: …{self.text[self.cur:self.cur+60]!r}')
            n += 1
            st, en = pos + inner, pos + inner + len(span)
            bnd = (st == 0 or not self.text[st - 1].isalnum()) and (en >= len(self.text) or not self.text[en].isalnum())
            if st >= self.cur and bnd:
                break
        self.cur = pos + inner + len(span)
        item = {'text': span}
        if ctx != span:
            item['ctx'] = ctx
        if n > 1:
            item['nth'] = n
        return item

    def L(self, span, key, ctx=None):
        unit, level, name, canonical, parent = self.locs[key]
        it = self._place(span, ctx)
        it.update(type='LOCALITY', unit=unit, level=level, name=name, canonical=canonical, code=None, parent=parent)
        self.ents.append(it)

    def D(self, span, value, gran, ctx=None):
        it = self._place(span, ctx)
        it.update(type='DATE', value=value, granularity=gran)
        self.ents.append(it)

    def O(self, span, name, hon, titles, ctx=None):
        it = self._place(span, ctx)
        it.update(type='OFFICIAL', name=name, honorific=hon,
                  gender={'ông': 'male', 'bà': 'female'}.get(hon), titles=titles)
        self.ents.append(it)

    def F(self, span, typ, value, unit=None, metric='other', ctx=None, total=None, q=None, sl=None,
          tier=None, target=False, period='DEFAULT', loc='DEFAULT'):
        it = self._place(span, ctx)
        if unit is None and typ == 'percentage':
            unit = '%'
        it.update(type=typ, value=value, total=total, qualifier=q, unit=unit, metric=metric,
                  service_level=sl, period=self.P if period == 'DEFAULT' else period,
                  locality=self.LOC if loc == 'DEFAULT' else loc, tier=tier, is_target=target)
        self.figs.append(it)

    # shorthands
    def SL(self, span, levels, ctx=None, **kw):
        self.F(span, 'service_level', levels, unit=None, ctx=ctx, **kw)

    def write(self):
        draft = dict(self.meta, entities=self.ents, figures=self.figs)
        dp = ROOT / 'drafts' / f'{self.doc_id}.json'
        dp.write_text(json.dumps(draft, ensure_ascii=False, indent=1), encoding='utf-8')
        r = subprocess.run(['python3', '/work/shared/tools/annotate.py', str(ROOT / 'texts' / f'{self.doc_id}.txt'),
                            str(dp), str(ROOT / 'gold' / f'{self.doc_id}.json')], capture_output=True, text=True)
        print(r.stdout, r.stderr)
