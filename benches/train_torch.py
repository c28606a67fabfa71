"""PyTorch CPU reference for benches/train-bench.ts: the same three nets (shallow, deep, DnCNN-17), the same
batch and patch, MSE + Adam 1e-3; prints one JSON line per net with the median step time.
Run with Debian's python3-torch: /usr/bin/python3 benches/train_torch.py THREADS BATCH PATCH STEPS_SHALLOW STEPS_DEEP STEPS_DNCNN"""
import json
import statistics
import sys
import time

import torch
from torch import nn


def shallow():
    return nn.Sequential(nn.Conv2d(3, 8, 5, padding='same'), nn.Sigmoid(), nn.Conv2d(8, 3, 5, padding='same'), nn.Sigmoid())


def deep():
    layers = []
    c = 3
    for _ in range(3):
        layers += [nn.Conv2d(c, 24, 10, padding='same'), nn.Sigmoid()]
        c = 24
    layers += [nn.Conv2d(24, 3, 10, padding='same'), nn.Sigmoid()]
    return nn.Sequential(*layers)


class DnCNN(nn.Module):
    def __init__(self, depth=17, ch=64):
        super().__init__()
        layers = [nn.Conv2d(3, ch, 3, padding=1), nn.ReLU()]
        for _ in range(depth - 2):
            layers += [nn.Conv2d(ch, ch, 3, padding=1, bias=False), nn.BatchNorm2d(ch, eps=1e-3, momentum=0.1), nn.ReLU()]
        layers += [nn.Conv2d(ch, 3, 3, padding=1)]
        self.body = nn.Sequential(*layers)

    def forward(self, x):
        return x + self.body(x)


def bench(name, net, batch, patch, steps):
    torch.manual_seed(0)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    x = torch.rand(batch, 3, patch, patch)
    y = torch.rand(batch, 3, patch, patch)
    loss_fn = nn.MSELoss()
    times = []
    for i in range(steps + 1):
        t = time.perf_counter()
        opt.zero_grad()
        loss = loss_fn(net(x), y)
        loss.backward()
        opt.step()
        loss.item()
        if i > 0:  # the first step is warm-up
            times.append(time.perf_counter() - t)
    return {'arch': name, 'ms_per_step': statistics.median(times) * 1000, 'steps': steps}


def main():
    threads, batch, patch, s_shallow, s_deep, s_dncnn = (int(a) for a in sys.argv[1:7])
    torch.set_num_threads(threads)
    for name, make, steps in [('shallow', shallow, s_shallow), ('deep', deep, s_deep), ('dncnn', DnCNN, s_dncnn)]:
        r = bench(name, make(), batch, patch, steps)
        r.update(threads=torch.get_num_threads(), torch=torch.__version__)
        print(json.dumps(r), flush=True)


if __name__ == '__main__':
    main()
