//! native-faer-bench DIR SPEC_JSON THREADS — times eig / eigh / svd / pinv with faer compiled natively on the
//! raw little-endian f64 matrices that benches/core.ts wrote into DIR, with the same protocol (calls
//! discarded until they total 0.5 s; a call over 2 s ends the warm-up and counts) and the same outputs as
//! the core (eigenvectors, thin SVD, pinv from the thin SVD at LAPACK's default tolerance). Prints one JSON
//! object {"ms": {key: {"median", "min"}}}. Jobs of other kinds (FFT2) are skipped.
use faer::linalg::solvers::DenseSolveCore;
use faer::{Mat, Par, Side};
use std::time::Instant;

fn field<'a>(job: &'a str, name: &str) -> Option<&'a str> {
    let at = job.find(&format!("\"{name}\":"))? + name.len() + 3;
    let rest = job[at..].trim_start();
    let end = rest.find([',', '}']).unwrap_or(rest.len());
    Some(rest[..end].trim().trim_matches('"'))
}

fn times(mut f: impl FnMut(), reps: usize) -> (f64, f64) {
    let mut ts = Vec::new();
    let mut warm = 0.0;
    while warm < 500.0 {
        let t = Instant::now();
        f();
        let d = t.elapsed().as_secs_f64() * 1e3;
        if d > 2000.0 {
            ts.push(d);
            break;
        }
        warm += d;
    }
    while ts.len() < reps {
        let t = Instant::now();
        f();
        ts.push(t.elapsed().as_secs_f64() * 1e3);
    }
    ts.sort_by(f64::total_cmp);
    (ts[ts.len() / 2], ts[0])
}

fn pinv(a: &Mat<f64>) -> Mat<f64> {
    let svd = a.thin_svd().expect("svd");
    let s = svd.S().column_vector();
    let tol = s.iter().fold(0.0f64, |m, v| m.max(*v)) * (a.nrows().max(a.ncols()) as f64) * f64::EPSILON;
    let mut vs = svd.V().to_owned();
    for (k, sk) in s.iter().enumerate() {
        let inv = if *sk > tol { 1.0 / sk } else { 0.0 };
        for i in 0..vs.nrows() {
            vs[(i, k)] *= inv;
        }
    }
    &vs * svd.U().transpose()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 4 {
        eprintln!("usage: native-faer-bench DIR SPEC_JSON THREADS");
        std::process::exit(2);
    }
    let threads: usize = args[3].parse().expect("THREADS");
    faer::set_global_parallelism(if threads <= 1 { Par::Seq } else { Par::rayon(threads) });
    let spec = &args[2];
    let mut out = Vec::new();
    // jobs are flat objects: split on "}" boundaries of the jobs array
    let jobs = &spec[spec.find('[').expect("jobs")..];
    for job in jobs.split('}').filter(|j| j.contains("\"key\"")) {
        let (key, op) = (field(job, "key").unwrap(), field(job, "op").unwrap());
        if !["eig", "eigh", "svd", "pinv", "eig+inv"].contains(&op) {
            continue;
        }
        let rows: usize = field(job, "rows").unwrap().parse().unwrap();
        let cols: usize = field(job, "cols").unwrap().parse().unwrap();
        let reps: usize = field(job, "reps").unwrap().parse().unwrap();
        let bytes = std::fs::read(std::path::Path::new(&args[1]).join(field(job, "file").unwrap())).expect("matrix file");
        let v: Vec<f64> = bytes.chunks_exact(8).map(|c| f64::from_le_bytes(c.try_into().unwrap())).collect();
        let a = Mat::from_fn(rows, cols, |i, j| v[i * cols + j]);
        let (median, min) = match op {
            "eig" => times(|| { std::hint::black_box(a.eigen().expect("eig")); }, reps),
            "eig+inv" => times(|| {
                let e = a.eigen().expect("eig");
                std::hint::black_box(e.U().partial_piv_lu().inverse());
            }, reps),
            "eigh" => times(|| { std::hint::black_box(a.self_adjoint_eigen(Side::Lower).expect("eigh")); }, reps),
            "svd" => times(|| { std::hint::black_box(a.thin_svd().expect("svd")); }, reps),
            _ => times(|| { std::hint::black_box(pinv(&a)); }, reps),
        };
        eprintln!("native faer ({threads} thread(s)) {key}: {median:.2} ms");
        out.push(format!("\"{key}\": {{\"median\": {median}, \"min\": {min}}}"));
    }
    println!("{{\"ms\": {{{}}}}}", out.join(", "));
}
