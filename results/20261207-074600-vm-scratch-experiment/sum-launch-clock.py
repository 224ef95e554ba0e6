import re,sys,collections
for f in sys.argv[1:]:
    T=collections.defaultdict(lambda:[0,0,0,0,0]); tot=[0,0,0,0]
    for l in open(f):
        m=re.search(r'case (\S+) launch \d+: open ([\d.]+) s, \d+ batches ([\d.]+) s \(timed ([\d.]+) s\), clean-up ([\d.]+) s',l)
        if not m: continue
        prov,mount,op,w=m.group(1).split('/')
        o,b,t,c=map(float,m.group(2,3,4,5))
        for key in [prov, op]:
            T[key][0]+=o;T[key][1]+=b;T[key][2]+=t;T[key][3]+=c;T[key][4]+=1
        tot=[tot[0]+o,tot[1]+b,tot[2]+t,tot[3]+c]
    print(f, 'open %.1f batches %.1f timed %.1f untimed-in-batches %.1f cleanup %.1f'%(tot[0],tot[1],tot[2],tot[1]-tot[2],tot[3]))
    for k,v in sorted(T.items(), key=lambda kv:-kv[1][1]): print('  %-16s n=%3d open %.1f batches %.1f timed %.1f prep %.1f cleanup %.1f'%(k,v[4],v[0],v[1],v[2],v[1]-v[2],v[3]))
