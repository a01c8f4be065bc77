from build import Doc
d = Doc('p08', 'Nghệ An: Cải cách hành chính - chuyển biến từ cơ sở', '2012-05-14', ['Phương Thúy'])
P = 'Tỉnh Nghệ An'
d.locs = {
 'NA': ('tỉnh', 'province', 'Nghệ An', P, None),
 'V': ('thành phố', 'district', 'Vinh', 'Thành phố Vinh', P),
 'NP': ('xã', 'commune', 'Nghi Phong', 'Xã Nghi Phong', P),
 'NTh': ('xã', 'commune', 'Nghi Thái', 'Xã Nghi Thái', P),
 'NX': ('xã', 'commune', 'Nghi Xuân', 'Xã Nghi Xuân', P),
 'NL': ('huyện', 'district', 'Nghi Lộc', 'Huyện Nghi Lộc', P),
 'NThuy': ('phường', 'commune', 'Nghi Thủy', 'Phường Nghi Thủy', P),
 'CL': ('thị xã', 'district', 'Cửa Lò', 'Thị xã Cửa Lò', P),
 'TH': ('thị xã', 'district', 'Thái Hòa', 'Thị xã Thái Hòa', P),
}
d.LOC = P
d.L('Nghệ An', 'NA')
# para 1
d.L('Nghệ An', 'NA')
d.D('4 tháng đầu năm 2012', '2012-01/2012-04', 'interval')
d.P = '2012-01/2012-04'
d.F('20', 'quantity', 20, 'huyện', tier='district')
d.F('103 nghìn', 'dossier_count', 103000, 'lượt hồ sơ', 'received', q='gt', tier='district')
d.F('15%', 'percentage', 15.0)
d.D('năm 2011', '2011', 'year')
# para 2
d.LOC = 'Thành phố Vinh'
d.L('TP. Vinh', 'V')
d.D('từ tháng 9/2011 đến nay', '2011-09/2012-05-14', 'interval')
d.P = '2011-09/2012-05-14'
d.F('24.567', 'dossier_count', 24567, 'hồ sơ', 'received')
d.F('23.980', 'dossier_count', 23980, 'hồ sơ', 'on_time')
d.F('97,61%', 'percentage', 97.61, metric='on_time_rate')
d.O('Hồ Sỹ Lương', 'Hồ Sỹ Lương', 'ông', ['Phó Chủ tịch UBND TP. Vinh'])
d.L('TP. Vinh', 'V')
d.F('1,2 tỷ', 'quantity', 1200000000, 'đồng')
d.F('20', 'quantity', 20, 'ngày', ctx='20 ngày')
d.F('10', 'quantity', 10, 'ngày', ctx='10-12 ngày')
d.F('12', 'quantity', 12, 'ngày', ctx='10-12 ngày')
# para 3
d.L('xã Nghi Phong', 'NP')
d.L('Nghi Thái', 'NTh')
d.L('Nghi Xuân', 'NX')
d.L('H. Nghi Lộc', 'NL')
d.L('phường Nghi Thủy', 'NThuy')
d.L('TX. Cửa Lò', 'CL')
d.O('Nguyễn Thị Thanh Nga', 'Nguyễn Thị Thanh Nga', None, ['cán bộ tư pháp - hộ tịch xã Nghi Phong'])
d.L('xã Nghi Phong', 'NP')
d.D('6 tháng cuối năm 2011', '2011-H2', 'half')
d.P = '2011-H2'
d.LOC = 'Xã Nghi Phong'
d.F('1.046', 'dossier_count', 1046, 'hồ sơ', 'received')
d.F('99,4%', 'percentage', 99.4, metric='on_time_rate')
# para 4
d.P = None
d.L('xã Nghi Phong', 'NP')
d.F('30', 'quantity', 30, 'phút', q='approx', ctx='30 phút')
d.F('2.000', 'quantity', 2000, 'đồng')
# para 5
d.LOC = P
d.O('Trần Đình Khuê', 'Trần Đình Khuê', 'ông', ['Giám đốc Sở Nội vụ'])
d.D('năm 2011', '2011', 'year')
d.P = '2011'
d.F('480/480', 'quantity', 480, 'xã', total=480, tier='commune')
d.F('21', 'quantity', 21, 'sở', tier='province', ctx='21 sở')
d.D('Năm 2012', '2012', 'year')
d.P = '2012'
d.F('30%', 'percentage', 30.0, tier='district', target=True)
d.F('50', 'quantity', 50, 'dịch vụ công trực tuyến', q='gt', sl=3, target=True)
d.SL('3', [3], ctx='mức độ 3;')
d.F('85%', 'percentage', 85.0, metric='satisfaction_rate', q='gt', target=True)
# para 6
d.D('quý I/2012', '2012-Q1', 'quarter')
d.D('ngày 10/5', '2012-05-10', 'day')
d.O('Lê Văn Cảnh', 'Lê Văn Cảnh', None, ['Phó Chủ tịch Thường trực UBND tỉnh'])
d.O('Cảnh', 'Lê Văn Cảnh', 'ông', [], ctx='ông Cảnh')
d.F('7', 'quantity', 7, 'cán bộ', period='2011')
d.D('năm 2011', '2011', 'year')
# footer
d.D('14-05-2012', '2012-05-14', 'day')
d.L('Thị xã Thái Hòa', 'TH')
d.L('Nghi Lộc', 'NL')
d.F('100%', 'percentage', 100.0, tier='commune', period=None, loc='Huyện Nghi Lộc')
d.write()
