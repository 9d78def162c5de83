# Reference STAN scores from the formulas of Garg et al. 2019 (independent of the C++).
import math
D=86400
train={ 'n0':(0,['a','b','c','d']), 'n1':(D,['c','a','e']), 'n2':(2*D,['x','y','a']), 'n3':(3*D,['b','x']) }
l1,l2,l3=1.5,2.0,1.2
s=['a','x']
ends={k:(st+60*(len(v)-1)) for k,(st,v) in train.items()}
tref=max(ends.values())
L=len(s)
w1={}
for p,i in enumerate(s,1): w1[i]=math.exp((p-L)/l1)
scores={}
for k,(st,items) in train.items():
    shared=[i for i in w1 if i in items]
    if not shared: continue
    cos=sum(w1[i] for i in shared)/math.sqrt(len(set(s))*len(set(items)))
    sim=cos*math.exp(-(tref-ends[k])/(l2*D))
    r=max(shared,key=lambda i: max(p for p,j in enumerate(s) if j==i))
    pr=max(q for q,j in enumerate(items) if j==r)
    best={}
    for q,j in enumerate(items): best[j]=max(best.get(j,0),math.exp(-abs(q-pr)/l3))
    for j,w in best.items(): scores[j]=scores.get(j,0)+sim*w
for j,v in sorted(scores.items(),key=lambda t:-t[1]): print(j,repr(v))
