"""CPU time of the RU/KK report's list-order check with and without the glossary swap signal (i-plant3):

    PYTHONPATH=$PWD .venv/bin/python -m bench.rukk_order_speed

Four bilingual acts of ../shared; each check run 3 times alternated (off/on), the least CPU time kept."""
import time, tempfile, sys
from pathlib import Path
from bench import rukk_planted as P
from maslihat.nlp import compare_rukk as C
acts = {P.short(a): a for h in P.halves().values() for a in h}
CAP=[]
orig=C._order_check
def w(*a):
    CAP.append(a); return orig(*a)
C._order_check=w
res={}
for act in ["75613", "79415", "001", "31396"]:
    files = P.read_act(acts[act])
    with tempfile.TemporaryDirectory() as d:
        CAP.clear(); P.ingest_diff(files, Path(d)/"b"); args=CAP[-1]
    real = C._translated_swaps
    for rep in range(3):
        for name, fn in (("off", lambda *a: []), ("on", real)):
            C._translated_swaps = fn
            t=time.process_time(); orig(*args); res.setdefault((act,name),[]).append(time.process_time()-t)
    C._translated_swaps = real
for k,v in res.items(): print(k, f"{min(v)*1000:.1f} ms")
