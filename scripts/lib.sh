# Shared by scripts/start and scripts/test (sourced, not run).

PRAXIS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$PRAXIS_ROOT/.venv"
PYTHON="${PYTHON:-python3}"

say() { printf '\n==> %s\n' "$*"; }

# Create .venv if missing and install a requirements file into it, unless the stamp under .venv says
# exactly these requirements (the file and any file it includes with -r) were installed already.
ensure_venv() {
    local requirements="$1"
    if [ ! -x "$VENV/bin/python" ]; then
        if ! command -v "$PYTHON" >/dev/null 2>&1; then
            echo "找不到 $PYTHON：请先安装 Python 3.11 或更新版本 (需要 $PYTHON)" >&2
            exit 1
        fi
        if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
            echo "需要 Python 3.11 或更新版本，当前为 $("$PYTHON" --version 2>&1)" >&2
            exit 1
        fi
        say "创建虚拟环境 .venv"
        if ! "$PYTHON" -m venv "$VENV"; then
            echo "python3 -m venv 失败；在 Debian/Ubuntu 上请安装 python3-venv" >&2
            exit 1
        fi
    fi
    local name stamp digest
    name="$(basename "$requirements" .txt)"
    stamp="$VENV/.praxis-$name.sha256"
    digest="$(cd "$PRAXIS_ROOT" && cat "$requirements" requirements.txt | sha256sum | cut -d' ' -f1)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$digest" ]; then
        return 0
    fi
    say "安装依赖 $requirements"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$PRAXIS_ROOT/$requirements"
    echo "$digest" >"$stamp"
}
