"""Bilingual names for generated departments, titles and records."""

DIVISIONS = [
    ("MKT", "Marketing", "Marketing"),
    ("SAL", "Sales", "Kinh doanh"),
    ("PRD", "Product", "Sản phẩm"),
    ("CC", "Customer Care", "Chăm sóc khách hàng"),
    ("FIN", "Finance", "Tài chính"),
    ("HR", "Human Resources", "Nhân sự"),
    ("OPS", "Operations", "Vận hành"),
    ("IT", "Information Technology", "Công nghệ thông tin"),
    ("LEG", "Legal", "Pháp chế"),
    ("SCM", "Supply Chain", "Chuỗi cung ứng"),
    ("QA", "Quality Assurance", "Đảm bảo chất lượng"),
    ("RND", "Research and Development", "Nghiên cứu và Phát triển"),
]
TEAMS = [
    ("N", "North", "Miền Bắc"),
    ("S", "South", "Miền Nam"),
    ("C", "Central", "Miền Trung"),
    ("DIG", "Digital", "Kỹ thuật số"),
    ("ENT", "Enterprise", "Doanh nghiệp"),
    ("PLN", "Planning", "Kế hoạch"),
]
TITLES = [
    ("Specialist", "Chuyên viên"),
    ("Senior specialist", "Chuyên viên cao cấp"),
    ("Analyst", "Chuyên viên phân tích"),
    ("Executive", "Nhân viên"),
    ("Team lead", "Trưởng nhóm"),
    ("Engineer", "Kỹ sư"),
    ("Consultant", "Tư vấn viên"),
]
GOALS = [
    ("Grow revenue in {region}", "Tăng doanh thu tại {region_vi}"),
    ("Launch {product} on time", "Ra mắt {product} đúng kế hoạch"),
    (
        "Raise customer satisfaction for {product}",
        "Nâng cao mức hài lòng của khách hàng với {product}",
    ),
    ("Cut operating costs in {region}", "Giảm chi phí vận hành tại {region_vi}"),
    ("Build the {product} brand", "Xây dựng thương hiệu {product}"),
    ("Improve the sales plan for {product}", "Hoàn thiện kế hoạch kinh doanh {product}"),
    ("Shorten response time in {region}", "Rút ngắn thời gian phản hồi tại {region_vi}"),
]
KEY_RESULTS = [
    ("Signed contracts", "Số hợp đồng ký mới", "contracts"),
    ("Qualified leads", "Khách hàng tiềm năng đủ điều kiện", "leads"),
    ("Net promoter score", "Chỉ số NPS", "points"),
    ("Revenue", "Doanh thu", "VND"),
    ("Tickets closed within 24 hours", "Yêu cầu xử lý trong 24 giờ", "%"),
]
REGIONS = [
    ("Hà Nội", "Hà Nội"),
    ("Ho Chi Minh City", "TP.HCM"),
    ("Da Nang", "Đà Nẵng"),
    ("the Mekong Delta", "Đồng bằng sông Cửu Long"),
    ("Hai Phong", "Hải Phòng"),
]
PRODUCTS = ["SM Home", "SM Pay", "SM Care", "SM Go", "SM Office", "SM Learn"]
STEPS = [
    ("Draft the {thing}", "Soạn {thing_vi}"),
    ("Review the {thing}", "Rà soát {thing_vi}"),
    ("Approve the {thing}", "Phê duyệt {thing_vi}"),
    ("Prepare the {thing}", "Chuẩn bị {thing_vi}"),
    ("Send the {thing}", "Gửi {thing_vi}"),
]
THINGS = [
    ("launch plan", "kế hoạch ra mắt"),
    ("price list", "bảng giá"),
    ("campaign brief", "bản mô tả chiến dịch"),
    ("training deck", "tài liệu đào tạo"),
    ("customer FAQ", "bộ câu hỏi thường gặp"),
    ("budget request", "đề xuất ngân sách"),
    ("contract template", "mẫu hợp đồng"),
    ("weekly report", "báo cáo tuần"),
]
