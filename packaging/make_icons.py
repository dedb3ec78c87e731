"""Draw the placeholder app icon with Pillow only and write it for each platform.

    python packaging/make_icons.py

Writes packaging/icons/workbench.png (512 px), packaging/windows/workbench.ico (16-256 px; used by
the spec on Windows and by installer.iss) and packaging/macos/workbench.icns (used by BUNDLE on
macOS). Replace the PNG with a designed icon and re-run; the outputs are committed so a build
machine needs nothing but Pillow (already installed: matplotlib depends on it) to change them.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BLUE = (31, 95, 168, 255)  # the report palette's first colour
WHITE = (255, 255, 255, 255)


def draw(size: int = 1024) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    pad = size // 16
    d.rounded_rectangle((pad, pad, size - pad, size - pad), radius=size // 6, fill=BLUE)
    font = ImageFont.truetype(str(ROOT / "resources" / "fonts" / "DejaVuSans-Bold.ttf"), size // 3)
    d.text((size / 2, size * 0.46), "DS", font=font, fill=WHITE, anchor="mm")
    # three rising bars: a survey chart
    bw, base = size // 12, int(size * 0.80)
    for i, h in enumerate((0.08, 0.13, 0.18)):
        x = int(size * 0.34) + i * int(bw * 1.5)
        d.rectangle((x, base - int(size * h), x + bw, base), fill=WHITE)
    return img


def main() -> None:
    img = draw()
    (HERE / "icons").mkdir(exist_ok=True)
    img.resize((512, 512), Image.LANCZOS).save(HERE / "icons" / "workbench.png")
    sizes = [(n, n) for n in (16, 24, 32, 48, 64, 128, 256)]
    img.save(HERE / "windows" / "workbench.ico", sizes=sizes)
    (HERE / "macos").mkdir(exist_ok=True)
    img.save(HERE / "macos" / "workbench.icns")
    print("wrote icons/workbench.png, windows/workbench.ico, macos/workbench.icns")


if __name__ == "__main__":
    main()
