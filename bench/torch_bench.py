#!/usr/bin/env python3
"""The paper-scale training update of MODEL.md (sections 2 and 4) in PyTorch, two ways.

  autograd : the reference code's style: a Python loop over bins building the graph, loss.backward(),
             clip_grad_norm_, Adam.step().
  bptt     : hand-written backpropagation through time with the same algorithm as the Java engine
             (time-major buffers preallocated once, in-place addmm per step, one big GEMM per weight
             gradient over all bins and trials), clip and Adam as above.
  sgemm    : a large float32 GEMM with the same threads.
  check    : both gradients on a small network, which must agree.

Usage: torch_bench.py MODE [--updates 3] [--threads 2] [--units 400 --bins 400 --batch 80]
Set up fairly (bench/run.sh does it): Debian OpenBLAS (libopenblas0-openmp), OMP_NUM_THREADS and
torch.set_num_threads = threads, MALLOC_MMAP_THRESHOLD_=2147483647 MALLOC_TRIM_THRESHOLD_=4294967295.
"""
import argparse
import math
import resource
import time

import torch

A = 0.01 / 0.05  # dt / tau
FROM_BIN, WEIGHT_PENALTY, RATE_PENALTY, CLIP, LR = 50, 1e-3, 0.8, 0.2, 1e-4
NAMES = ["W_Uin", "W_Urec", "W_Pin", "W_Prec", "W_UP", "W_PM", "W_Mrec", "W_out", "b_out"]


def make_params(n, gen):
    b = 1 / math.sqrt(n)
    shapes = {"W_Uin": (n, 3), "W_Urec": (n, n), "W_Pin": (n, 3), "W_Prec": (n, n), "W_UP": (n, n),
              "W_PM": (n, n), "W_Mrec": (n, n), "W_out": (2, n), "b_out": (2,)}
    return {k: (torch.rand(s, generator=gen) * 2 * b - b) for k, s in shapes.items()}


def make_data(trials, bins, gen):
    """Centre-out-like trials: cue from bin 150, hold until 282, an 8 cm sigmoid reach after go."""
    ids = torch.randint(0, 8, (trials,), generator=gen)
    angle = ids.float() * math.pi / 4
    t = torch.arange(bins).float()
    u = torch.zeros(trials, bins, 3)
    u[:, 150:, 0] = 2 * torch.cos(angle)[:, None]
    u[:, 150:, 1] = 2 * torch.sin(angle)[:, None]
    u[:, :282, 2] = 2
    s = torch.sigmoid((t - 282 - 50) / 8.0)
    target = torch.stack([8 * s[None] * torch.cos(angle)[:, None], 8 * s[None] * torch.sin(angle)[:, None]], 2)
    return u, target


def autograd_update(p, opt, u, target, x0):
    """One update as the reference code trains: the graph is built step by step."""
    batch, bins, _ = u.shape
    xU, xP, xM = x0
    rU, rP, rM = torch.tanh(xU), torch.tanh(xP), torch.tanh(xM)
    ys, rates_u, rates_p, rates_m = [], [], [], []
    for t in range(bins):
        ut = u[:, t]
        xU = xU + A * (-xU + rU @ p["W_Urec"].T + ut @ p["W_Uin"].T)
        xP = xP + A * (-xP + rP @ p["W_Prec"].T + ut @ p["W_Pin"].T + rU @ p["W_UP"].T)
        xM = xM + A * (-xM + rM @ p["W_Mrec"].T + rP @ p["W_PM"].T)
        rU, rP, rM = torch.tanh(xU), torch.tanh(xP), torch.tanh(xM)
        ys.append(rM @ p["W_out"].T + p["b_out"])
        rates_u.append(rU)
        rates_p.append(rP)
        rates_m.append(rM)
    y = torch.stack(ys, 1)
    mse = torch.mean((y[:, FROM_BIN:] - target[:, FROM_BIN:]) ** 2)
    penalty = WEIGHT_PENALTY * sum(torch.norm(p[k]) for k in NAMES if k != "b_out")
    rate = RATE_PENALTY * sum(torch.mean(torch.stack(r) ** 2) for r in (rates_u, rates_p, rates_m))
    loss = mse + penalty + rate
    opt.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(list(p.values()), CLIP)
    opt.step()
    return loss.item()


class HandBptt:
    """Forward + BPTT with buffers allocated once: R[m] is [(T+1)*B, N] (block 0 = r0), G[m] [T*B, N]."""

    def __init__(self, n, bins, batch):
        self.n, self.bins, self.batch = n, bins, batch
        self.R = [torch.empty((bins + 1) * batch, n) for _ in range(3)]
        self.G = [torch.empty(bins * batch, n) for _ in range(3)]
        self.D = [torch.empty(bins * batch, n) for _ in range(3)]
        self.x = [torch.empty(batch, n) for _ in range(3)]

    def step(self, p, u, target, x0):
        n, T, B = self.n, self.bins, self.batch
        R, G, D, x = self.R, self.G, self.D, self.x
        U = u.transpose(0, 1).reshape(T * B, 3)                       # time-major inputs
        torch.mm(U, (A * p["W_Uin"]).T, out=D[0])                      # all bins' input drive, one GEMM
        torch.mm(U, (A * p["W_Pin"]).T, out=D[1])
        for m in range(3):
            x[m].copy_(x0[m])
            torch.tanh(x[m], out=R[m][:B])
        WUrecT, WPrecT, WUPT = p["W_Urec"].T, p["W_Prec"].T, p["W_UP"].T
        WMrecT, WPMT = p["W_Mrec"].T, p["W_PM"].T
        for t in range(T):
            prev, new = slice(t * B, (t + 1) * B), slice((t + 1) * B, (t + 2) * B)
            rU, rP, rM = R[0][prev], R[1][prev], R[2][prev]
            x[0].addmm_(rU, WUrecT, beta=1 - A, alpha=A).add_(D[0][t * B:(t + 1) * B])
            x[1].addmm_(rP, WPrecT, beta=1 - A, alpha=A).addmm_(rU, WUPT, alpha=A).add_(D[1][t * B:(t + 1) * B])
            x[2].addmm_(rM, WMrecT, beta=1 - A, alpha=A).addmm_(rP, WPMT, alpha=A)
            for m in range(3):
                torch.tanh(x[m], out=R[m][new])
        after = [r[B:] for r in R]
        before = [r[:T * B] for r in R]
        y = after[2] @ p["W_out"].T + p["b_out"]
        tgt = target.transpose(0, 1).reshape(T * B, 2)
        err = y - tgt
        err[:FROM_BIN * B] = 0
        count = B * (T - FROM_BIN) * 2
        mse = (err ** 2).sum() / count
        rate = RATE_PENALTY * sum((r ** 2).mean() for r in after)
        norms = {k: torch.norm(p[k]) for k in NAMES if k != "b_out"}
        loss = mse + WEIGHT_PENALTY * sum(norms.values()) + rate
        dY = err * (2 / count)
        grads = {"W_out": dY.T @ after[2], "b_out": dY.sum(0)}
        for m in range(3):                                             # direct terms dL/dr
            torch.mul(after[m], 2 * RATE_PENALTY / (T * B * n), out=G[m])
            torch.mul(after[m], after[m], out=D[m])                    # a * (1 - r^2)
            D[m].mul_(-A).add_(A)
        G[2].addmm_(dY, p["W_out"])
        WUrec, WPrec, WUP, WMrec, WPM = p["W_Urec"], p["W_Prec"], p["W_UP"], p["W_Mrec"], p["W_PM"]
        for t in range(T - 1, -1, -1):
            cur = slice(t * B, (t + 1) * B)
            gU, gP, gM = G[0][cur], G[1][cur], G[2][cur]
            if t < T - 1:
                nxt = slice((t + 1) * B, (t + 2) * B)
                nU, nP, nM = G[0][nxt], G[1][nxt], G[2][nxt]
                gU.addmm_(nU, WUrec).addmm_(nP, WUP)
                gP.addmm_(nP, WPrec).addmm_(nM, WPM)
                gM.addmm_(nM, WMrec)
                for g, d, nx in ((gU, D[0][cur], nU), (gP, D[1][cur], nP), (gM, D[2][cur], nM)):
                    g.mul_(d).add_(nx, alpha=1 - A)
            else:
                for g, d in ((gU, D[0][cur]), (gP, D[1][cur]), (gM, D[2][cur])):
                    g.mul_(d)
        grads["W_Urec"] = G[0].T @ before[0]
        grads["W_Uin"] = G[0].T @ U
        grads["W_Prec"] = G[1].T @ before[1]
        grads["W_UP"] = G[1].T @ before[0]
        grads["W_Pin"] = G[1].T @ U
        grads["W_Mrec"] = G[2].T @ before[2]
        grads["W_PM"] = G[2].T @ before[1]
        for k, norm in norms.items():
            grads[k].add_(p[k], alpha=WEIGHT_PENALTY / norm.item())
        return loss.item(), grads


def clip_and_adam(p, grads, state, step):
    total = torch.norm(torch.stack([torch.norm(g) for g in grads.values()]))
    coef = CLIP / (total + 1e-6)
    if coef < 1:
        for g in grads.values():
            g.mul_(coef)
    b1, b2, eps = 0.9, 0.999, 1e-8
    for k, g in grads.items():
        m, v = state.setdefault(k, (torch.zeros_like(g), torch.zeros_like(g)))
        m.mul_(b1).add_(g, alpha=1 - b1)
        v.mul_(b2).addcmul_(g, g, value=1 - b2)
        denom = (v.sqrt() / math.sqrt(1 - b2 ** step)).add_(eps)
        p[k].addcdiv_(m, denom, value=-LR / (1 - b1 ** step))


def initial_states(batch, n, gen):
    return [torch.rand(batch, n, generator=gen) * 0.2 - 0.1 for _ in range(3)]


def cpu_seconds():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def flops(n, bins, batch):
    return 6.0 * bins * batch * (5 * n * n + 2 * 3 * n + 2 * n)


def run(mode, updates, n, bins, batch):
    gen = torch.Generator().manual_seed(1)
    p = make_params(n, gen)
    u, target = make_data(batch * (updates + 1), bins, gen)
    times, cpus = [], []
    if mode == "autograd":
        params = {k: torch.nn.Parameter(v) for k, v in p.items()}
        opt = torch.optim.Adam(params.values(), lr=LR)
        for k in range(updates + 1):
            sl = slice(k * batch, (k + 1) * batch)
            t0, c0 = time.perf_counter(), cpu_seconds()
            loss = autograd_update(params, opt, u[sl], target[sl], initial_states(batch, n, gen))
            times.append(time.perf_counter() - t0)
            cpus.append(cpu_seconds() - c0)
            print(f"update {k} {times[-1]:.3f} s (cpu {cpus[-1]:.2f} s)  loss {loss:.5f}", flush=True)
    else:
        engine = HandBptt(n, bins, batch)
        state = {}
        with torch.no_grad():
            for k in range(updates + 1):
                sl = slice(k * batch, (k + 1) * batch)
                t0, c0 = time.perf_counter(), cpu_seconds()
                loss, grads = engine.step(p, u[sl], target[sl], initial_states(batch, n, gen))
                clip_and_adam(p, grads, state, k + 1)
                times.append(time.perf_counter() - t0)
                cpus.append(cpu_seconds() - c0)
                print(f"update {k} {times[-1]:.3f} s (cpu {cpus[-1]:.2f} s)  loss {loss:.5f}", flush=True)
    timed = times[1:]  # the first update is a warm-up
    mean = sum(timed) / len(timed)
    print(f"torch_{mode}_update_s_mean {mean:.4f}")
    print(f"torch_{mode}_update_s_best {min(timed):.4f}")
    print(f"torch_{mode}_cpu_s_per_update {sum(cpus[1:]) / len(timed):.4f}")
    print(f"torch_{mode}_gflop_per_cpu_s {flops(n, bins, batch) / (sum(cpus[1:]) / len(timed)) / 1e9:.2f}")
    print(f"torch_{mode}_gflops_mean {flops(n, bins, batch) / mean / 1e9:.2f}")
    print(f"torch_{mode}_peak_rss_mb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}")


def sgemm(n=4096, reps=5):
    a, b = torch.rand(n, n), torch.rand(n, n)
    c = torch.empty(n, n)
    torch.mm(a, b, out=c)
    c0 = cpu_seconds()
    best = min(_timed(lambda: torch.mm(a, b, out=c)) for _ in range(reps))
    cpu = (cpu_seconds() - c0) / reps
    print(f"torch_sgemm_gflops {2.0 * n ** 3 / best / 1e9:.2f}")
    print(f"torch_sgemm_gflop_per_cpu_s {2.0 * n ** 3 / cpu / 1e9:.2f}")


def _timed(f):
    t0 = time.perf_counter()
    f()
    return time.perf_counter() - t0


def check():
    """Hand-written BPTT against autograd on a small float64 network."""
    torch.set_default_dtype(torch.float64)
    n, bins, batch = 7, 60, 3
    gen = torch.Generator().manual_seed(2)
    p = make_params(n, gen)
    u, target = make_data(batch, bins, gen)
    x0 = initial_states(batch, n, gen)
    with torch.no_grad():
        _, grads = HandBptt(n, bins, batch).step(p, u, target, x0)
    params = {k: torch.nn.Parameter(v.clone()) for k, v in p.items()}
    opt = torch.optim.SGD(params.values(), lr=0.0)
    global CLIP
    saved, CLIP = CLIP, float("inf")
    autograd_update(params, opt, u, target, x0)
    CLIP = saved
    worst = max(float((grads[k] - params[k].grad).norm() / params[k].grad.norm()) for k in NAMES)
    print(f"torch_bptt_vs_autograd_max_relative_difference {worst:.2e}")
    assert worst < 1e-9, worst


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["autograd", "bptt", "sgemm", "check"])
    ap.add_argument("--updates", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--units", type=int, default=400)
    ap.add_argument("--bins", type=int, default=400)
    ap.add_argument("--batch", type=int, default=80)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}")
    if args.mode == "sgemm":
        sgemm()
    elif args.mode == "check":
        check()
    else:
        run(args.mode, args.updates, args.units, args.bins, args.batch)
